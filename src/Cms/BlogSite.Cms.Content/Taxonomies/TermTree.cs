using System.Globalization;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.Cms.Content.Taxonomies;

/// Orchard Core's term tree as it is stored: terms are JSON objects in the taxonomy's TaxonomyPart.Terms, each with
/// its children in "Terms". Finding, walking, naming and slugging terms; no database here.
public static class TermTree
{
    public static string NameOf(JsonObject term) =>
        ContentParts.Get<TitlePart>(term)?.Title ?? term["DisplayText"]?.GetValue<string>() ?? "";

    public static string? SlugOf(JsonObject term) => ContentParts.Get<AutoroutePart>(term)?.Path;

    /// Term names show in menus, bylines and addresses; a longer one is a mistake or an attack.
    public const int MaxNameLength = 100;

    public static void Describe(ContentItem taxonomy, JsonObject term, string name, string? slug)
    {
        Name(term, name, slug);
        EnsureUniquePaths(taxonomy);
    }

    /// Gives <paramref name="term"/> its name and slug, checked, without looking at the other terms: callers that
    /// name many terms at once keep the slugs they have used themselves.
    public static void Name(JsonObject term, string name, string? slug)
    {
        ArgumentNullException.ThrowIfNull(term);
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new ContentEditException("Name", "Enter a name.");
        }

        if (name.Length > MaxNameLength)
        {
            throw new ContentEditException("Name", $"Keep the name under {MaxNameLength} characters ('{name[..20]}…' has {name.Length}).");
        }

        var path = SlugGenerator.Slugify(string.IsNullOrWhiteSpace(slug) ? name : slug);
        if (path.Length == 0)
        {
            throw new ContentEditException("Slug", "The slug needs at least one letter or digit.");
        }

        term["DisplayText"] = name;
        ContentParts.Apply(term, new TitlePart(name));
        ContentParts.Apply(term, new AutoroutePart(path));
    }

    /// A slug for a term typed in the editor that no other term uses: "c" for "C#" when "C++" has "c" becomes "c-2",
    /// and a name with no Latin letters or digits gets "term".
    public static string FreeSlug(ContentItem taxonomy, string name) =>
        FreeSlug(TakenSlugs(taxonomy), name);

    /// The slugs the taxonomy's terms use, compared as addresses are (ignoring case).
    public static HashSet<string> TakenSlugs(ContentItem taxonomy) =>
        AllTerms(taxonomy).Select(SlugOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static string FreeSlug(IReadOnlySet<string> taken, string name)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var slug = SlugGenerator.Slugify(name) is { Length: > 0 } s ? s : "term";
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    public static void EnsureUniquePaths(ContentItem taxonomy)
    {
        var duplicate = AllTerms(taxonomy)
            .GroupBy(t => SlugOf(t) ?? "", StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ContentEditException("Slug", $"Another term already uses the slug '{duplicate.Key}'.");
        }
    }

    public static JsonObject NewTerm(ContentItem taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var term = new JsonObject
        {
            ["ContentItemId"] = ContentItemIdGenerator.NewId(),
            ["ContentType"] = taxonomy.As<TaxonomyPart>()?.TermContentType ?? "Term",
        };
        ContentParts.Apply(term, new TermPart(taxonomy.ContentItemId));
        return term;
    }

    /// The taxonomy's top-level terms, as the live JSON array that edits change in place.
    public static JsonArray Roots(ContentItem taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        if (!taxonomy.Has<TaxonomyPart>())
        {
            taxonomy.Apply(new TaxonomyPart([], null));
        }

        return Children(ContentParts.Node<TaxonomyPart>(taxonomy.Content)!);
    }

    public static JsonArray Children(JsonObject term)
    {
        if (term["Terms"] is not JsonArray terms)
        {
            term["Terms"] = terms = [];
        }

        return terms;
    }

    public static JsonObject Find(ContentItem taxonomy, string termId, string field) =>
        AllTerms(taxonomy).FirstOrDefault(t => t["ContentItemId"]?.GetValue<string>() == termId)
        ?? throw new ContentEditException(field, $"The taxonomy has no term '{termId}'.");

    public static bool IsInside(JsonObject node, JsonObject ancestor) => AllTerms(ancestor).Contains(node);

    public static IEnumerable<JsonObject> AllTerms(ContentItem taxonomy) => Descend(Roots(taxonomy));

    /// The term itself and every term below it.
    public static IEnumerable<JsonObject> AllTerms(JsonObject term) => term["Terms"] is JsonArray children ? Descend(children).Prepend(term) : [term];

    public static IEnumerable<JsonObject> Descend(JsonArray terms)
    {
        foreach (var term in terms.OfType<JsonObject>())
        {
            yield return term;
            if (term["Terms"] is JsonArray children)
            {
                foreach (var child in Descend(children))
                {
                    yield return child;
                }
            }
        }
    }
}

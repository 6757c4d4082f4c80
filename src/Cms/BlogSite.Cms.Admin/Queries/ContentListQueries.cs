using System.Globalization;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Queries;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.EntityFrameworkCore;
using BlogSite.Cms.Admin.Dashboard;

namespace BlogSite.Cms.Admin.Queries;

/// The admin's reads of content: the filtered content list, each item's state, the dashboard's figures. Every item
/// is listed once, by its latest version; taxonomies have their own pages.
public sealed class ContentListQueries(CmsDbContext db, ContentDefinitionStore definitions)
{
    public async Task<PagedItems<ContentItem>> ListAsync(ContentListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var items = Filtered(filter);
        var total = await items.CountAsync(cancellationToken);
        var sorted = filter.Sort switch
        {
            "title" => items.OrderBy(x => x.DisplayText).ThenBy(x => x.Id),
            "published" => items.OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id),
            _ => items.OrderByDescending(x => x.ModifiedUtc).ThenByDescending(x => x.Id),
        };
        var page = Math.Max(1, filter.Page);
        var rows = await sorted.Skip(PagedItems.Offset(page, ContentListFilter.PageSize)).Take(ContentListFilter.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedItems<ContentItem>(rows, total, page, ContentListFilter.PageSize);
    }

    /// The state of each of <paramref name="latest"/> (latest versions), by item id.
    public async Task<IReadOnlyDictionary<string, ContentState>> StatesAsync(IReadOnlyCollection<ContentItem> latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var ids = latest.Select(i => i.ContentItemId).ToList();
        var published = (await db.ContentItems.AsNoTracking().Where(x => x.Published && ids.Contains(x.ContentItemId))
            .Select(x => x.ContentItemId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var schedules = (await db.ContentItems.AsNoTracking()
                .Where(x => ids.Contains(x.ContentItemId) && !x.Published && x.ScheduledPublishUtc != null)
                .Select(x => new { x.ContentItemId, x.ScheduledPublishUtc })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.ContentItemId)
            .ToDictionary(g => g.Key, g => g.Min(x => x.ScheduledPublishUtc!.Value), StringComparer.Ordinal);
        return latest.ToDictionary(
            i => i.ContentItemId,
            i => ContentState.Of(i, published.Contains(i.ContentItemId), schedules.TryGetValue(i.ContentItemId, out var when) ? when : null),
            StringComparer.Ordinal);
    }

    /// The types editors may create items of, by display name.
    public async Task<IReadOnlyList<(string Name, string DisplayName)>> CreatableTypesAsync(CancellationToken cancellationToken) =>
        [.. (await definitions.GetAsync(cancellationToken)).ContentTypes
            .Where(t => t.Name != Taxonomy.ContentType && DefinitionSettings.Get<ContentTypeSettings>(t.Settings)?.Creatable == true)
            .Select(t => (t.Name, t.DisplayName ?? t.Name))
            .OrderBy(t => t.Item2, StringComparer.CurrentCultureIgnoreCase)];

    public async Task<ContentListChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var latest = db.ContentItems.AsNoTracking().Where(x => x.Latest);
        var types = await latest.Where(x => x.ContentType != Taxonomy.ContentType).Select(x => x.ContentType).Distinct().OrderBy(x => x).ToListAsync(cancellationToken);
        var authors = (await latest.Select(x => x.Author).Distinct().ToListAsync(cancellationToken)).OfType<string>().Where(a => a.Length > 0).Order(StringComparer.Ordinal).ToList();
        var taxonomies = await latest.Where(x => x.ContentType == Taxonomy.ContentType).ToDictionaryAsync(x => x.ContentItemId, x => x.DisplayText, cancellationToken);
        var terms = (await db.Terms.AsNoTracking().Where(t => t.Latest).OrderBy(t => t.TaxonomyContentItemId).ThenBy(t => t.DisplayText).ToListAsync(cancellationToken))
            .Select(t => (taxonomies.GetValueOrDefault(t.TaxonomyContentItemId, "Terms"), t.TermContentItemId, t.DisplayText))
            .ToList();
        return new ContentListChoices(types, authors, terms);
    }

    /// Each figure is the count of the content list filtered as its card links to, so the two always agree.
    public async Task<DashboardFigures> DashboardAsync(
        IEnumerable<PublishedCountCard> cards, int recentCount, string? onlyOwnedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var figures = new List<DashboardFigure>();
        foreach (var card in cards)
        {
            figures.Add(await FigureAsync(card.Label, new ContentListFilter(Type: card.ContentType, Status: "published") { OnlyOwnedBy = onlyOwnedBy }, cancellationToken));
        }

        foreach (var (status, label) in new[] { ("draft", "drafts"), ("changed", "published, with unpublished changes"), ("scheduled", "scheduled"), ("pending", "pending review") })
        {
            figures.Add(await FigureAsync(label, new ContentListFilter(Status: status) { OnlyOwnedBy = onlyOwnedBy }, cancellationToken));
        }

        figures.Add(await FigureAsync("content items in all", new ContentListFilter { OnlyOwnedBy = onlyOwnedBy }, cancellationToken));
        var recent = await Filtered(new ContentListFilter { OnlyOwnedBy = onlyOwnedBy })
            .OrderByDescending(x => x.ModifiedUtc).ThenByDescending(x => x.Id).Take(recentCount).ToListAsync(cancellationToken);
        return new DashboardFigures(figures, recent);
    }

    /// Types' display names by technical name ("BlogPost" is shown as "Blog Post").
    public async Task<IReadOnlyDictionary<string, string>> TypeNamesAsync(CancellationToken cancellationToken) =>
        (await definitions.GetAsync(cancellationToken)).ContentTypes.ToDictionary(t => t.Name, t => t.DisplayName ?? t.Name, StringComparer.Ordinal);

    private async Task<DashboardFigure> FigureAsync(string label, ContentListFilter filter, CancellationToken cancellationToken) =>
        new(label, await Filtered(filter).CountAsync(cancellationToken), filter);

    private IQueryable<ContentItem> Filtered(ContentListFilter filter)
    {
        var items = db.ContentItems.AsNoTracking().Where(x => x.Latest && x.ContentType != Taxonomy.ContentType);
        if (filter.OnlyOwnedBy is { } owner)
        {
            items = items.Where(x => x.Owner == owner);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            items = items.Where(x => x.ContentType == filter.Type);
        }

        var published = db.ContentItems.Where(p => p.Published);
        items = filter.Status switch
        {
            "published" => items.Where(x => x.Published),
            "draft" => items.Where(x => !x.Published && !published.Any(p => p.ContentItemId == x.ContentItemId)),
            "changed" => items.Where(x => !x.Published && published.Any(p => p.ContentItemId == x.ContentItemId)),
            "scheduled" => items.Where(x => db.ContentItems.Any(v => v.ContentItemId == x.ContentItemId && !v.Published && v.ScheduledPublishUtc != null)),
            "pending" => items.Where(x => !x.Published && x.ReviewRequestedUtc != null),
            _ => items,
        };
        if (!string.IsNullOrEmpty(filter.Term))
        {
            items = items.Where(x => db.TaxonomyLinks.Any(l => l.DocumentId == x.Id && l.TermContentItemId == filter.Term));
        }

        if (!string.IsNullOrEmpty(filter.Author))
        {
            items = items.Where(x => x.Author == filter.Author);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            foreach (var word in SearchWords(filter.Search))
            {
                var inBody = InBody(word);
#pragma warning disable CA1304, CA1311, CA1862 // Runs as SQL: EF translates ToLower()/Contains to lower()/LIKE on both engines; the culture overloads do not translate.
                items = items.Where(x => x.DisplayText.ToLower().Contains(word) || inBody.Any(b => b.Id == x.Id));
#pragma warning restore CA1304, CA1311, CA1862
            }
        }

        return items;
    }

    /// Each word (or "quoted phrase") must be in the title or the body, in any case.
    private static IEnumerable<string> SearchWords(string search) =>
        search.Split('"').SelectMany((part, i) => i % 2 == 1 ? [part.Trim()] : part.Split(' ', StringSplitOptions.TrimEntries))
            .Where(w => w.Length > 0).Select(w => w.ToLower(CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).Take(8);

    /// The versions whose body (Markdown or HTML, the parts editors write in) holds <paramref name="word"/>. The body is
    /// read out of the item's JSON rather than the JSON searched whole, so a word like "markdown" does not find every
    /// item by its part names. Drafts are not in the readers' search index, so this reads the stored text.
    private IQueryable<ContentItem> InBody(string word) =>
        db.Database.IsNpgsql()
            ? db.ContentItems.FromSql($$"""
                SELECT * FROM "ContentItems" WHERE "Latest" AND strpos(lower(
                    coalesce("Data"::jsonb #>> '{MarkdownBodyPart,Markdown}', '') || ' ' || coalesce("Data"::jsonb #>> '{HtmlBodyPart,Html}', '')), {{word}}) > 0
                """)
            : db.ContentItems.FromSql($"""
                SELECT * FROM "ContentItems" WHERE "Latest" AND instr(lower(
                    coalesce(json_extract("Data", '$.MarkdownBodyPart.Markdown'), '') || ' ' || coalesce(json_extract("Data", '$.HtmlBodyPart.Html'), '')), {word}) > 0
                """);
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Admin.Versions;

/// A version's content as named text fields, for comparing versions of any type: every value in its parts, named
/// after its path ("Subtitle", "Tags › Tag names"). Ids of other items are left out: they say nothing to a reader.
public static class ContentFields
{
    public static IReadOnlyDictionary<string, string> Of(ContentItem version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, value) in version.Content)
        {
            Collect(value, [part], version.ContentType, fields);
        }

        return fields;
    }

    private static void Collect(JsonNode? node, List<string> path, string contentType, Dictionary<string, string> fields)
    {
        if (path[^1].Contains("ContentItemId", StringComparison.Ordinal))
        {
            return;
        }

        switch (node)
        {
            case JsonObject children:
                foreach (var (key, child) in children)
                {
                    Collect(child, [.. path, key], contentType, fields);
                }

                break;
            case JsonArray items when items.All(i => i is JsonValue):
                Add(string.Join(", ", items.Select(i => i!.ToString())));
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    Collect(items[i], [.. path, (i + 1).ToString(CultureInfo.InvariantCulture)], contentType, fields);
                }

                break;
            case JsonValue value:
                Add(value.ToString());
                break;
        }

        void Add(string text) => fields[NameOf(path, contentType)] = text;
    }

    // ["BlogPost", "Subtitle", "Text"] → "Subtitle"; ["MarkdownBodyPart", "Markdown"] → "Markdown body".
    private static string NameOf(List<string> path, string contentType)
    {
        var words = path.Where(p => p != contentType)
            .Select(p => p.EndsWith("Part", StringComparison.Ordinal) && p.Length > 4 ? p[..^4] : p)
            .ToList();
        if (words.Count > 1 && words[^1] is "Text" or "Markdown" or "Html" or "Value" or "Title" or "Paths")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(" › ", words.Distinct().Select(Humanize));
    }

    private static string Humanize(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ');
                text.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }
}

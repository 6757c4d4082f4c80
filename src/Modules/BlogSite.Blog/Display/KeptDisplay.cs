using BlogSite.Cms.Content.Display;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Blog.Display;

/// A page kept by <see cref="ContentDisplays"/>, with the cache tags it was built with.
public sealed record KeptDisplay(ContentDisplay Display, IReadOnlyList<string> Tags)
{
    private const int Overhead = 1_024;

    /// Roughly the characters the page holds: its bodies, excerpts and links. Bodies may be long (a Markdown body may
    /// have a million characters), so the cache is bounded by this, not by a count of pages.
    public static long Size(KeptDisplay kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        return Overhead + kept.Display.Model switch
        {
            PostView post => Length(post.Body) + post.Related.Count * Overhead + Length(post.Fields),
            PageView page => Length(page.Body) + Length(page.Fields) + Length(page.Items),
            PostListView list => Length(list.Introduction) + (list.Bio?.Length ?? 0) + list.Posts.Sum(p => p.Excerpt.Length + Overhead),
            _ => 0,
        };
    }

    private static long Length(IHtmlContent? html)
    {
        switch (html)
        {
            case null:
                return 0;
            case HtmlString text:
                return text.Value?.Length ?? 0;
            default:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
                    return writer.GetStringBuilder().Length;
                }
        }
    }

    private static long Length(IReadOnlyList<FieldView> fields) => fields.Sum(f => Overhead + (f.Value is IHtmlContent html ? Length(html) : f.Value?.ToString()?.Length ?? 0));

    private static long Length(IReadOnlyList<NestedItemView> items) =>
        items.Sum(i => Overhead + Length(i.Body) + Length(i.Fields) + Length(i.Items));
}

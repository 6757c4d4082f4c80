using System.Text.Encodings.Web;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Cms.Admin.Versions;

/// One side of a diff line as HTML: the words this side removed (<c>del</c>) or added (<c>ins</c>) marked, the rest
/// as text. Written without a byte of template whitespace, since the cell keeps the line's own spacing.
public static class DiffLineHtml
{
    public static IHtmlContent Of(DiffPiece? line, ChangeType marked)
    {
        var html = new HtmlContentBuilder();
        if (line is null || line.Type == ChangeType.Imaginary)
        {
            return html;
        }

        var runs = line.Type == ChangeType.Modified ? DiffRuns.Of(line) : [(line.Text ?? "", line.Type)];
        var tag = marked == ChangeType.Deleted ? "del" : "ins";
        foreach (var (text, type) in runs)
        {
            var encoded = HtmlEncoder.Default.Encode(text);
            html.AppendHtml(type == marked ? $"<{tag}>{encoded}</{tag}>" : encoded);
        }

        return html;
    }
}

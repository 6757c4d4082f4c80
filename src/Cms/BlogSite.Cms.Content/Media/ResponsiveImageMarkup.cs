using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Cms.Content.Media;

/// Library images drawn at the width the reader's screen needs: a &lt;picture&gt; whose WebP source and &lt;img&gt;
/// both list a few widths (made on demand by <see cref="ResizedImages"/>), with the image's own width and height so
/// the page does not jump while it loads. Anything that is not a library photo stays a plain &lt;img&gt;.
public sealed class ResponsiveImageMarkup(MediaStore store)
{
    /// How wide the image is drawn: the theme's text column (the whole screen less its margins on phones, 42rem
    /// elsewhere), or the image's own width when it is narrower, so a small image is never drawn blown up.
    public static string SizesFor(int width)
    {
        var own = width.ToString(CultureInfo.InvariantCulture) + "px";
        return $"(max-width: 45rem) min(calc(100vw - 2.5rem), {own}), min(42rem, {own})";
    }

    private static readonly int[] SourceWidths = [480, 1024, 2048];

    public IHtmlContent Image(string? url, string? alt, string? cssClass = null, bool lazy = true) =>
        new HtmlString(Markup(url ?? "", alt ?? "", cssClass, lazy));

    public string Markup(string url, string alt, string? cssClass, bool lazy, string? title = null, string? id = null)
    {
        var encoder = HtmlEncoder.Default;
        var attributes = new StringBuilder().Append(" alt=\"").Append(encoder.Encode(alt)).Append('"');
        foreach (var (name, value) in new[] { ("title", title), ("id", id) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                attributes.Append(' ').Append(name).Append("=\"").Append(encoder.Encode(value)).Append('"');
            }
        }

        if (!string.IsNullOrEmpty(cssClass))
        {
            attributes.Append(" class=\"").Append(encoder.Encode(cssClass)).Append('"');
        }

        attributes.Append(lazy ? " loading=\"lazy\" decoding=\"async\"" : " fetchpriority=\"high\"");
        if (MediaPathOf(url) is not { } path || !ResizedImages.Resizable(path) || !store.Exists(path)
            || ImageDecoder.InfoOf(store.FullPath(path)) is not { Animated: false } size || (long)size.Width * size.Height > UploadedImage.MaxPixels)
        {
            return $"<img src=\"{encoder.Encode(url)}\"{attributes} />";
        }

        var own = new MediaFile(path, 0, default).Url;
        var widths = SourceWidths.Where(w => w < size.Width).Append(Math.Min(size.Width, SourceWidths[^1])).Distinct().ToList();
        string At(int width, bool webp) =>
            own + (width == size.Width ? webp ? "?format=webp" : "" : $"?width={width.ToString(CultureInfo.InvariantCulture)}{(webp ? "&format=webp" : "")}");
        string SourceSet(bool webp) => encoder.Encode(string.Join(", ", widths.Select(w => $"{At(w, webp)} {w.ToString(CultureInfo.InvariantCulture)}w")));

        var height = (int)Math.Round(size.Height * (widths[^1] / (double)size.Width));
        var sizes = SizesFor(widths[^1]);
        return $"<picture><source type=\"image/webp\" srcset=\"{SourceSet(true)}\" sizes=\"{sizes}\" />"
            + $"<img src=\"{encoder.Encode(At(widths[^1], false))}\" srcset=\"{SourceSet(false)}\" sizes=\"{sizes}\""
            + $" width=\"{widths[^1].ToString(CultureInfo.InvariantCulture)}\" height=\"{height.ToString(CultureInfo.InvariantCulture)}\"{attributes} /></picture>";
    }

    /// Sanitized HTML with each library image (a plain &lt;img src="/media/…"&gt;) drawn responsively; the rest as it was.
    public string Enhance(string html)
    {
        if (!html.Contains("src=\"/media/", StringComparison.Ordinal))
        {
            return html;
        }

        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var image in document.Body!.QuerySelectorAll("img").OfType<IHtmlImageElement>().ToList())
        {
            if (image.ParentElement is not IHtmlPictureElement && image.GetAttribute("src") is { } src && MediaPathOf(src) is not null)
            {
                var replacement = document.CreateElement("div");
                replacement.InnerHtml = Markup(src, image.AlternativeText ?? "", image.ClassName, lazy: true, image.Title, image.Id);
                image.Replace([.. replacement.ChildNodes]);
            }
        }

        return document.Body.InnerHtml;
    }

    /// The media path of a plain "/media/…" address; null for anything else, and for an address that already asks for
    /// a size ("?width=…"), which is kept as the writer chose it.
    private static string? MediaPathOf(string url)
    {
        if (!url.StartsWith("/media/", StringComparison.Ordinal) || url.Contains('?', StringComparison.Ordinal) || url.Contains('#', StringComparison.Ordinal))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(url["/media/".Length..]);
        return MediaStore.Problem(path) is null ? path : null;
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BlogSite.Testing;

/// A fetched page, parsed the way a browser would.
public sealed record HtmlPage(HttpStatusCode Status, string Html, IDocument Document)
{
    public static async Task<HtmlPage> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(response.StatusCode, html, new HtmlParser().ParseDocument(html));
    }

    /// The links of the post summaries on a list page, in page order.
    public IReadOnlyList<string> PostLinks =>
        Document.QuerySelectorAll("article.post-summary h2 a").Select(a => a.GetAttribute("href")!).ToList();

    public IReadOnlyList<string> PostTitles =>
        Document.QuerySelectorAll("article.post-summary h2 a").Select(a => a.TextContent).ToList();
}

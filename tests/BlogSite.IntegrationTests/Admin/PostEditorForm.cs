using AngleSharp.Html.Dom;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Admin;

/// The post editor as a signed-in client sees it: the fields it was given, changed by the test, posted back with the
/// page's antiforgery token and concurrency stamp, as the browser would.
public sealed class PostEditorForm
{
    private PostEditorForm(HttpClient client, string url, IHtmlFormElement form, Dictionary<string, string> fields)
    {
        Client = client;
        Url = url;
        Fields = fields;
        AutosaveUrl = form.GetAttribute("data-autosave")!;
        MarkdownUrl = form.GetAttribute("data-markdown")!;
    }

    public HttpClient Client { get; }

    public string Url { get; }

    public Dictionary<string, string> Fields { get; }

    /// Where the editor's script posts autosaves and live previews, as the page tells it.
    public string AutosaveUrl { get; }

    public string MarkdownUrl { get; }

    public static async Task<PostEditorForm> OpenAsync(HttpClient client, string id = "new")
    {
        var url = $"/admin/posts/{id}";
        var page = await HtmlPage.GetAsync(client, url);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        var form = (IHtmlFormElement)page.Document.QuerySelector("form#post-editor")!;
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement input => (input.Name, input.Value),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                IHtmlSelectElement select => (select.Name, select.Value),
                _ => (null, null),
            };
            if (name is { Length: > 0 })
            {
                fields[name] = value ?? "";
            }
        }

        return new PostEditorForm(client, url, form, fields);
    }

    public PostEditorForm Set(string field, string value)
    {
        Fields[$"Form.{field}"] = value;
        return this;
    }

    public string this[string field] => Fields[$"Form.{field}"];

    public Task<HttpResponseMessage> PostAsync(string handler) =>
        Client.PostAsync($"{Url}?handler={handler}", new FormUrlEncodedContent(Fields));

    /// Posts the form as the editor's script does a few seconds after the last keystroke.
    public Task<HttpResponseMessage> AutosaveAsync() =>
        Client.PostAsync(AutosaveUrl, new FormUrlEncodedContent(Fields.Select(f => KeyValuePair.Create(f.Key.Replace("Form.", "", StringComparison.Ordinal), f.Value))));
}

using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// Every input the post editor has — title, body with video lines, alt text, caption, excerpt, SEO title, meta
/// description, canonical address — filled with script-injection payloads, published, then shown where each one
/// lands (the post page with its head and JSON-LD, the home list, the editor, the version history), with the video
/// placeholders pressed: Chromium must run none of them.
public sealed class EditorInputsXssBrowserTests(EditorBrowserFixture site) : IClassFixture<EditorBrowserFixture>
{
    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "javascript:alert(1)",
        "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext></p><script>alert(1)</script>",
        "<figure class=\"embed\" data-embed-provider=\"youtube\" data-embed-id=\"x');alert(1);//\"><a class=\"embed-play\" href=\"#\">Play the video on YouTube</a></figure>",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task NoPayloadRunsWhereverTheEditorsInputsAreShown(string payload)
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        var dialogs = 0;
        void Watch(IPage watched) => watched.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            await dialog.DismissAsync();
        };
        Watch(page);
        context.Page += (_, opened) => Watch(opened);

        await page.GotoAsync("/admin/posts/new");
        var title = $"Injected {Guid.NewGuid():N}";
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = $"{title} {payload}",
            ["Form.Subtitle"] = payload,
            // Videos first: an unclosed element in a payload may (harmlessly) take what follows it out of the page.
            ["Form.Markdown"] = $"https://www.youtube.com/watch?v=dQw4w9WgXcQ&x={Uri.EscapeDataString(payload)}\n\nhttps://vimeo.com/76979871\n\n{payload}\n\n*{payload}*",
            ["Form.ImageAlt"] = payload,
            ["Form.ImageCaption"] = payload,
            ["Form.Excerpt"] = payload,
            ["Form.SeoTitle"] = payload,
            ["Form.MetaDescription"] = payload,
            ["Form.CanonicalUrl"] = "https://example.org/original?q=" + Uri.EscapeDataString(payload),
        };
        // The fields are set as the browser would post them; the Markdown editor's textarea is the field it posts.
        await page.EvaluateAsync(
            "fields => { const form = document.getElementById('post-editor'); for (const [name, value] of Object.entries(fields)) form.elements.namedItem(name).value = value; }",
            fields);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();
        var postUrl = await page.GetByRole(AriaRole.Link, new() { Name = "View the published post" }).GetAttributeAsync("href");
        var editorUrl = page.Url;
        // A second version, so the version history's diff shows the payloads too.
        await page.EvaluateAsync(
            "payload => { const form = document.getElementById('post-editor'); form.elements.namedItem('Form.Excerpt').value = payload + ' (revised)'; form.elements.namedItem('Form.Markdown').value += '\\n\\n' + payload; }",
            payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();

        foreach (var url in new[] { postUrl!, "/", editorUrl, editorUrl.Replace("/admin/posts/", "/admin/items/", StringComparison.Ordinal) + "/versions" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Changes" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".diff-table").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync(postUrl!);
        var figures = page.Locator("figure.embed");
        for (var i = await figures.CountAsync() - 1; i >= 0; i--)
        {
            await figures.Nth(i).Locator("a.embed-play").ClickAsync();
        }

        await Assertions.Expect(page.Locator("figure.embed iframe").First).ToBeAttachedAsync();
        Assert.Equal(0, dialogs);
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('figure.embed iframe')].every(f => /^https:\\/\\/(www\\.youtube-nocookie\\.com|player\\.vimeo\\.com)\\//.test(f.src))"));
    }
}

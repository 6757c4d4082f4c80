using System.Net;
using System.Text;
using BlogSite.Cms.Content.Storage;
using BlogSite.IntegrationTests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Hardening;

/// Inputs a Contributor could use to exhaust the server (thousands of new tags, Markdown nested thousands deep,
/// endless term names, a flood of previews) are refused early with an error that says what to change.
public sealed class BoundedInputTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static readonly string DeepList = string.Concat(Enumerable.Repeat("- ", 2_000)) + "deep";

    private static readonly string DeepIndentedList = string.Join('\n', Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- level " + i));

    [Fact]
    public async Task FiveThousandNewTagsAreRefusedAndNoneIsCreated()
    {
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        var tags = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"flood-tag-{i}"));

        using var response = await (await PostEditorForm.OpenAsync(contributor)).Set("Title", "Five thousand tags").Set("Tags", tags).PostAsync("Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A post takes at most 50 tags; this list has 5,000.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.False(await db.ContentItems.AnyAsync(i => i.DisplayText == "Five thousand tags"));
    }

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public async Task DeepMarkdownIsNotParsedAndTheEditorSaysWhy(string markdown)
    {
        using var author = await AdminSite.SignedInAsync(site, "Author");
        var form = (await PostEditorForm.OpenAsync(author)).Set("Title", "Deep lists").Set("Markdown", markdown);

        using var saved = await form.PostAsync("Save");
        using var preview = await author.PostAsync(form.MarkdownUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["markdown"] = markdown, ["__RequestVerificationToken"] = form.Fields["__RequestVerificationToken"],
        }));

        Assert.Contains("nest more than 32 deep at line", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("nest more than 32 deep at line", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> DeepMarkdown => [DeepList, DeepIndentedList];

    [Theory]
    [InlineData(5_000_000, 1)]
    [InlineData(10, 5_000)]
    public async Task AnOversizedFormIsTurnedAwayBeforeItIsRead(int valueLength, int fieldCount)
    {
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        var form = await PostEditorForm.OpenAsync(contributor);
        var fields = new List<KeyValuePair<string, string>>(form.Fields) { KeyValuePair.Create("Form.Title", "Oversized form") };
        fields.AddRange(Enumerable.Range(0, fieldCount).Select(i => KeyValuePair.Create($"extra{i}", new string('x', valueLength))));

        using var response = await contributor.PostAsync(form.Url + "?handler=Save", new FormUrlEncodedContent(fields));
        using var usual = await contributor.PostAsync(form.Url + "?handler=Save", new FormUrlEncodedContent(fields.Take(form.Fields.Count + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, usual.StatusCode);
    }

    [Fact]
    public async Task AnOutlineTenLevelsDeepIsStillAList()
    {
        using var author = await AdminSite.SignedInAsync(site, "Author");
        var form = await PostEditorForm.OpenAsync(author);
        var outline = string.Join('\n', Enumerable.Range(0, 10).Select(i => new string(' ', 2 * i) + "- level " + i));

        using var preview = await author.PostAsync(form.MarkdownUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["markdown"] = outline, ["__RequestVerificationToken"] = form.Fields["__RequestVerificationToken"],
        }));

        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(10, html.Split("<ul>").Length - 1);
    }

    [Fact]
    public async Task ATermNameOfTenThousandCharactersIsRefused()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var tags = await TaxonomyIdAsync("Tags");

        using var response = await AdminSite.PostFormAsync(editor, $"/admin/taxonomies/{tags}", "Add", new()
        {
            ["Input.Name"] = new string('t', 10_000),
        });

        Assert.Contains("Keep the name under 100 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewsPastSixHundredAMinuteAreTurnedAway()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Administrator");
        var form = await PostEditorForm.OpenAsync(editor);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 602; i++)
        {
            using var preview = await editor.PostAsync(form.MarkdownUrl, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["markdown"] = $"Draft {i}", ["__RequestVerificationToken"] = form.Fields["__RequestVerificationToken"],
            }));
            statuses.Add(preview.StatusCode);
        }

        // Counted per person: someone else previewing from the same address is not turned away.
        using var author = await AdminSite.SignedInAsync(site, "Contributor");
        var authorsForm = await PostEditorForm.OpenAsync(author);
        using var authorsPreview = await author.PostAsync(authorsForm.MarkdownUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["markdown"] = "Mine", ["__RequestVerificationToken"] = authorsForm.Fields["__RequestVerificationToken"],
        }));

        Assert.Equal(600, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, authorsPreview.StatusCode);
    }

    private async Task<string> TaxonomyIdAsync(string name)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return await db.ContentItems.Where(i => i.ContentType == "Taxonomy" && i.DisplayText == name && i.Latest).Select(i => i.ContentItemId).FirstAsync();
    }
}

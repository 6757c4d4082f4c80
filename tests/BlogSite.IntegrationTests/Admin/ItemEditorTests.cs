using System.Net;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// The editor every type gets (/admin/items/{id}), built from the type's definition, with the same drafts, versions,
/// conflict checks and permissions as the post editor.
public sealed class ItemEditorTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task APageGoesFromDraftToPublishedToEditedToUnpublished()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();

        using var draft = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Page", "Save", new()
        {
            ["Values[TitlePart.Title]"] = "Press contacts", ["Values[MarkdownBodyPart.Markdown]"] = "Write to **us**.",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var url = draft.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/items/", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/press-contacts")).StatusCode);

        using var published = await AdminSite.PostFormAsync(editor, url, "Publish", await AdminSite.EditorFormAsync(editor, url));
        Assert.Contains("<strong>us</strong>", await reader.GetStringAsync("/press-contacts"), StringComparison.Ordinal);

        var edit = await AdminSite.EditorFormAsync(editor, url);
        edit["Values[MarkdownBodyPart.Markdown]"] = "A draft nobody sees yet.";
        using var saved = await AdminSite.PostFormAsync(editor, url, "Save", edit);
        Assert.DoesNotContain("nobody sees", await reader.GetStringAsync("/press-contacts"), StringComparison.Ordinal);

        using var unpublished = await AdminSite.PostFormAsync(editor, url, "Unpublish", await AdminSite.EditorFormAsync(editor, url));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/press-contacts")).StatusCode);
    }

    [Fact]
    public async Task ASaveBasedOnAReplacedVersionIsRefusedAndKeepsTheText()
    {
        using var first = await AdminSite.SignedInAsync(site, "Editor");
        using var second = await AdminSite.SignedInAsync(site, "Administrator");
        using var created = await AdminSite.PostFormAsync(first, "/admin/items/new?type=Page", "Publish", new() { ["Values[TitlePart.Title]"] = "Shared page" });
        var url = created.Headers.Location!.OriginalString;
        var firstForm = await AdminSite.EditorFormAsync(first, url);
        var secondForm = await AdminSite.EditorFormAsync(second, url);

        firstForm["Values[MarkdownBodyPart.Markdown]"] = "First.";
        secondForm["Values[MarkdownBodyPart.Markdown]"] = "Second.";
        using var firstSave = await AdminSite.PostFormAsync(first, url, "Save", firstForm);
        using var secondSave = await AdminSite.PostFormAsync(second, url, "Save", secondForm);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await secondSave.Content.ReadAsStringAsync());
        Assert.Contains("saved this item", page.QuerySelector("#conflict")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second.", page.QuerySelector("textarea[name='Values[MarkdownBodyPart.Markdown]']")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnEventWithADateAndALinkIsWrittenInTheSiteTimeZoneAndShownOnItsPage()
    {
        await RunAsync("""
            { "steps": [ { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Event", "DisplayName": "Event", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" },
                  { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "events/{{ Model.ContentItem | display_text | slugify }}" } } },
                  { "PartName": "Event", "Name": "Event" } ] } ],
              "ContentParts": [ { "Name": "Event", "ContentPartFieldDefinitionRecords": [
                { "FieldName": "DateTimeField", "Name": "StartsAt", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Starts at" }, "DateTimeFieldSettings": { "Required": true } } },
                { "FieldName": "LinkField", "Name": "Tickets", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Tickets" } } } ] } ] } ] }
            """);
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var missingDate = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Event", "Publish", new() { ["Values[TitlePart.Title]"] = "Briefing" });
        using var badLink = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Event", "Publish", new()
        {
            ["Values[TitlePart.Title]"] = "Briefing", ["Values[Event.StartsAt.Value]"] = "2030-05-01T18:30", ["Values[Event.Tickets.Url]"] = "javascript:alert(1)",
        });
        using var published = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Event", "Publish", new()
        {
            ["Values[TitlePart.Title]"] = "Briefing", ["Values[Event.StartsAt.Value]"] = "2030-05-01T18:30",
            ["Values[Event.Tickets.Url]"] = "https://tickets.example.org/briefing", ["Values[Event.Tickets.Text]"] = "Book a seat",
        });

        Assert.Contains("Enter starts at", await missingDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("must be an address on this site", await badLink.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await HtmlPage.GetAsync(site.NewClient(), "/events/briefing");
        Assert.Equal("Book a seat", page.Document.QuerySelector("dl.fields a")?.TextContent.Trim());
        Assert.Equal("2030-05-01T18:30:00.0000000Z", page.Document.QuerySelector("dl.fields time")?.GetAttribute("datetime"));
    }

    [Fact]
    public async Task TermsAndItemsArePickedFromWhatTheFieldsAllowAndShownAsLinks()
    {
        await RunAsync("""
            { "steps": [ { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Briefing", "DisplayName": "Briefing", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" },
                  { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "briefings/{{ Model.ContentItem | display_text | slugify }}" } } },
                  { "PartName": "Briefing", "Name": "Briefing" } ] } ],
              "ContentParts": [ { "Name": "Briefing", "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TaxonomyField", "Name": "Topics", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Topics" },
                  "TaxonomyFieldSettings": { "TaxonomyContentItemId": "4categor1estaxonomy0000000", "LeavesOnly": true, "Required": true } } },
                { "FieldName": "ContentPickerField", "Name": "Related", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Related" },
                  "ContentPickerFieldSettings": { "DisplayedContentTypes": [ "Page" ] } } } ] } ] } ] }
            """);
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var form = await HtmlPage.GetAsync(editor, "/admin/items/new?type=Briefing");
        string TermId(string name) => form.Document.QuerySelectorAll("fieldset.choices label")
            .Single(l => l.TextContent.Trim() == name).QuerySelector("input")!.GetAttribute("value")!;
        var related = form.Document.QuerySelectorAll("select[name='Values[Briefing.Related.ContentItemIds]'] option").Select(o => o.TextContent.Trim()).ToList();

        using var parentTerm = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Briefing", "Publish", new()
        {
            ["Values[TitlePart.Title]"] = "Parent term", ["Values[Briefing.Topics.TermContentItemIds]"] = "bd2zvk3b1rdtn33bcy9c9kvc2c",
        });
        using var published = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Briefing", "Publish",
            new() { ["Values[TitlePart.Title]"] = "Shipping and banks", ["Values[Briefing.Related.ContentItemIds]"] = "4aboutpage0000000000000000" },
            ("Values[Briefing.Topics.TermContentItemIds]", TermId("Financial sanctions")), ("Values[Briefing.Topics.TermContentItemIds]", TermId("Shipping and trade")));

        Assert.Contains("About", related);
        Assert.DoesNotContain(form.Document.QuerySelectorAll("fieldset.choices label"), l => l.TextContent.Trim() == "Sanctions");
        Assert.Contains("is not one of the choices", await parentTerm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await HtmlPage.GetAsync(site.NewClient(), "/briefings/shipping-and-banks");
        var links = page.Document.QuerySelectorAll("dl.fields a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Financial sanctions", "/categories/financial-sanctions"), links);
        Assert.Contains(("Shipping and trade", "/categories/shipping-and-trade"), links);
        Assert.Contains(("About", "/about"), links);
    }

    [Fact]
    public async Task APageIsPreviewedInTheThemeAndScheduledForLaterAndTheScheduleCancelled()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();

        using var preview = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Page", "Preview", new()
        {
            ["Values[TitlePart.Title]"] = "Embargoed statement", ["Values[MarkdownBodyPart.Markdown]"] = "Not *yet* public.",
        });
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        var previewUrl = preview.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/preview/", previewUrl, StringComparison.Ordinal);
        var id = previewUrl.Split('/')[^1];
        var drawn = await HtmlPage.GetAsync(editor, previewUrl);
        Assert.Contains("<em>yet</em>", drawn.Html, StringComparison.Ordinal);
        Assert.Contains(drawn.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Back to the editor" && a.GetAttribute("href") == $"/admin/items/{id}");

        var url = $"/admin/items/{id}";
        var form = await AdminSite.EditorFormAsync(editor, url);
        form["PublishAt"] = "2099-06-01T09:00";
        using var scheduled = await AdminSite.PostFormAsync(editor, url, "Publish", form);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var page = await editor.GetStringAsync(url);
        Assert.Contains("Scheduled: it goes live on 1 June 2099 at 09:00", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/embargoed-statement")).StatusCode);

        using var cancelled = await AdminSite.PostFormAsync(editor, url, "Unschedule", await AdminSite.EditorFormAsync(editor, url));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.DoesNotContain("a version goes live on", await editor.GetStringAsync(url), StringComparison.Ordinal);

        var now = await AdminSite.EditorFormAsync(editor, url);
        using var published = await AdminSite.PostFormAsync(editor, url, "Publish", now);
        Assert.Contains("Not <em>yet</em> public.", await reader.GetStringAsync("/embargoed-statement"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCreatableTypeIsOfferedAndItemsWithoutAModuleEditorOpenInThisOne()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        var dashboard = await HtmlPage.GetAsync(editor, "/admin");
        var list = await HtmlPage.GetAsync(editor, "/admin/content?type=Page");

        Assert.Contains(dashboard.Document.QuerySelectorAll("a.button"), a => a.TextContent.Trim() == "New Page" && a.GetAttribute("href") == "/admin/items/new?type=Page");
        Assert.Contains(dashboard.Document.QuerySelectorAll("a.button"), a => a.TextContent.Trim() == "New post");
        Assert.Contains(list.Document.QuerySelectorAll("td a"), a => a.TextContent.Trim() == "About" && a.GetAttribute("href") == "/admin/items/4aboutpage0000000000000000");
        using var oldLink = await editor.GetAsync("/admin/posts/4aboutpage0000000000000000");
        Assert.Equal("/admin/items/4aboutpage0000000000000000", oldLink.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AContributorSavesADraftPageButCannotPublishAndAnAuthorCannotEditAnEditorsPage()
    {
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        using var author = await AdminSite.SignedInAsync(site, "Author");

        using var draft = await AdminSite.PostFormAsync(contributor, "/admin/items/new?type=Page", "Save", new() { ["Values[TitlePart.Title]"] = "Contributor's page" });
        using var publish = await AdminSite.PostFormAsync(contributor, draft.Headers.Location!.OriginalString, "Publish", await AdminSite.EditorFormAsync(contributor, draft.Headers.Location!.OriginalString));
        using var others = await author.GetAsync("/admin/items/4aboutpage0000000000000000");

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Contains("not publish it", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewClient().GetAsync("/contributors-page")).StatusCode);
        Assert.StartsWith("/admin/denied", others.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorSetsTheAboutPageAsTheHomePageAndTheBlogBack()
    {
        const string About = "/admin/items/4aboutpage0000000000000000";
        const string Blog = "/admin/items/a0hxqec0qer4qqzbxv00xfy2c5";
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();

        using var refused = await AdminSite.PostFormAsync(editor, About, "Home", await AdminSite.EditorFormAsync(editor, About));
        using var toAbout = await AdminSite.PostFormAsync(admin, About, "Home", await AdminSite.EditorFormAsync(admin, About));
        var aboutHome = await reader.GetStringAsync("/");
        using var toBlog = await AdminSite.PostFormAsync(admin, Blog, "Home", await AdminSite.EditorFormAsync(admin, Blog));
        var blogHome = await reader.GetStringAsync("/");

        Assert.StartsWith("/admin/denied", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, toAbout.StatusCode);
        Assert.Contains("North Korea Policy Watch follows", aboutHome, StringComparison.Ordinal);
        Assert.DoesNotContain("North Korea Policy Watch follows", blogHome, StringComparison.Ordinal);
        Assert.Contains(SetupRecipe.TitleOf(SetupRecipe.Instance.Posts[0]), blogHome, StringComparison.Ordinal);
        Assert.Contains("is the site's home page", await admin.GetStringAsync(Blog), StringComparison.Ordinal);
    }

    private Task<RecipeReport> RunAsync(string json) => RecipeRunner.RunAsync(site.Factory.Services, json);
}

using System.Net;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Admin;

/// Items held in a BagPart or FlowPart (Orchard Core's nested items) are added, edited, reordered and removed in the
/// admin with the editor their types get; each change is a version of the page that holds them.
public sealed class NestedItemEditorTests(AdminSite site) : IClassFixture<AdminSite>, IAsyncLifetime
{
    private const string Landing = "/admin/items/4team0000000000000000000000";

    public Task InitializeAsync() => RecipeRunner.RunAsync(site.Factory.Services, """
        { "steps": [
          { "name": "ContentDefinition",
            "ContentTypes": [
              { "Name": "TeamPage", "DisplayName": "Team Page", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                "ContentTypePartDefinitionRecords": [
                  { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" },
                  { "PartName": "FlowPart", "Name": "FlowPart" },
                  { "PartName": "BagPart", "Name": "People", "Settings": { "BagPartSettings": { "ContainedContentTypes": [ "Person" ] } } } ] },
              { "Name": "Banner", "DisplayName": "Banner", "Settings": { "ContentTypeSettings": { "Stereotype": "Widget" } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart" } ] },
              { "Name": "Person", "DisplayName": "Person", "Settings": {},
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Person", "Name": "Person" } ] } ],
            "ContentParts": [
              { "Name": "Person", "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Role", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Role" } } } ] } ] },
          { "name": "content", "Data": [
            { "ContentItemId": "4team0000000000000000000000", "ContentType": "TeamPage", "DisplayText": "Our team", "Latest": true, "Published": true,
              "TitlePart": { "Title": "Our team" }, "AutoroutePart": { "Path": "team" },
              "People": { "ContentItems": [
                { "ContentItemId": "4personone0000000000000000", "ContentType": "Person", "DisplayText": "Min-ji", "TitlePart": { "Title": "Min-ji" }, "Person": { "Role": { "Text": "Editor" } } } ] } } ] } ] }
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PeopleAreAddedEditedReorderedAndRemovedAndReadersSeeEachChange()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var page = await HtmlPage.GetAsync(editor, Landing);
        Assert.Equal(["Min-ji"], page.Document.QuerySelectorAll("[data-nested-item]").Select(e => e.GetAttribute("data-nested-item")));
        Assert.Equal(["Banner"], page.Document.QuerySelectorAll("select#add-FlowPart option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["Person"], page.Document.QuerySelectorAll("select#add-People option").Select(o => o.GetAttribute("value")));

        using var added = await SaveAsync(editor, "People/new?type=Person", new() { ["Values[TitlePart.Title]"] = "Tomas", ["Values[Person.Role.Text]"] = "Researcher" });
        using var edited = await SaveAsync(editor, "People/0", new() { ["Values[TitlePart.Title]"] = "Min-ji", ["Values[Person.Role.Text]"] = "Managing editor" });
        using var banner = await SaveAsync(editor, "FlowPart/new?type=Banner", new() { ["Values[MarkdownBodyPart.Markdown]"] = "Meet **the desk**." });
        Assert.All([added, edited, banner], r => Assert.Equal(Landing, r.Headers.Location?.OriginalString));
        var team = await HtmlPage.GetAsync(reader, "/team");
        Assert.Equal(["Min-ji", "Tomas"], team.Document.QuerySelectorAll("section.nested-person h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Managing editor", "Researcher"], team.Document.QuerySelectorAll("section.nested-person dd").Select(d => d.TextContent.Trim()));
        Assert.Contains("<strong>the desk</strong>", team.Html, StringComparison.Ordinal);

        using var moved = await ActAsync(editor, "People/1", "Move", ("offset", "-1"));
        Assert.Equal(["Tomas", "Min-ji"], (await HtmlPage.GetAsync(reader, "/team")).Document.QuerySelectorAll("section.nested-person h2").Select(h => h.TextContent.Trim()));
        using var removed = await ActAsync(editor, "People/1", "Remove");
        Assert.Equal(["Tomas"], (await HtmlPage.GetAsync(reader, "/team")).Document.QuerySelectorAll("section.nested-person h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
    }

    [Fact]
    public async Task ATypeThePartDoesNotHoldIsNotOfferedAndAStaleSaveIsRefused()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var wrongType = await editor.GetAsync($"{Landing}/nested/People/new?type=Banner");
        using var noSuchItem = await editor.GetAsync($"{Landing}/nested/People/7");
        var stale = await AdminSite.EditorFormAsync(editor, $"{Landing}/nested/People/0");
        using var first = await SaveAsync(editor, "People/0", new() { ["Values[TitlePart.Title]"] = "Min-ji", ["Values[Person.Role.Text]"] = "First" });
        stale["Values[Person.Role.Text]"] = "Second";
        using var second = await editor.PostAsync($"{Landing}/nested/People/0?handler=Save", new FormUrlEncodedContent(stale));

        Assert.Equal(HttpStatusCode.NotFound, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchItem.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Not saved", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContributorCannotChangeItemsOfAPageThatIsLiveAtOnce()
    {
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");

        using var refused = await contributor.GetAsync($"{Landing}/nested/People/0");

        Assert.StartsWith("/admin/denied", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string nested, Dictionary<string, string> values)
    {
        var url = $"{Landing}/nested/{nested}";
        var form = await AdminSite.EditorFormAsync(client, url);
        foreach (var (key, value) in values)
        {
            form[key] = value;
        }

        var action = url.Contains('?', StringComparison.Ordinal) ? $"{url}&handler=Save" : $"{url}?handler=Save";
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string nested, string handler, params (string Key, string Value)[] fields)
    {
        var holder = await AdminSite.EditorFormAsync(client, Landing);
        var values = fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", holder["__RequestVerificationToken"]))
            .Append(KeyValuePair.Create("Stamp", holder["Stamp"])).ToList();
        return await client.PostAsync($"{Landing}/nested/{nested}?handler={handler}", new FormUrlEncodedContent(values));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Menus;
using BlogSite.Cms.Content.Model;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// Menus in the admin (/admin/menus): items are added, edited, reordered, nested and deleted, stored as Orchard Core
/// stores them, drawn at once by the theme's header; wrong input is refused with its reason and changes nothing.
public sealed class MenuAdminTests(AdminSite site) : IClassFixture<AdminSite>
{
    private const string MainMenu = "/admin/menus/4mainmenu00000000000000000";

    [Fact]
    public async Task AnItemAddedNestedMovedAndDeletedInTheAdminShowsSoInTheHeader()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();

        using var added = await AdminSite.PostFormAsync(admin, MainMenu, "Add", new()
        {
            ["Input.Text"] = "Tag: sanctions", ["Input.Kind"] = "Content", ["Input.ItemPath"] = "/blog",
        });
        var blogItem = Item(await MenuAsync(), "Tag: sanctions");
        using var nested = await AdminSite.PostFormAsync(admin, MainMenu, "Add", new()
        {
            ["Input.Text"] = "Reports", ["Input.Kind"] = "Link", ["Input.Url"] = "https://example.org/reports", ["Input.NewTab"] = "true",
            ["Input.ParentId"] = MenuTree.IdOf(blogItem),
        });
        using var renamed = await AdminSite.PostFormAsync(admin, MainMenu, "Update", new()
        {
            ["Input.ItemId"] = MenuTree.IdOf(blogItem), ["Input.Text"] = "Archive", ["Input.Kind"] = "Content", ["Input.ItemPath"] = "/blog",
        });
        using var moved = await AdminSite.PostFormAsync(admin, MainMenu, "Move", new() { ["itemId"] = MenuTree.IdOf(blogItem), ["offset"] = "-1" });

        Assert.All([added, nested, renamed, moved], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var menu = await MenuAsync();
        var archive = Item(menu, "Archive");
        Assert.Equal("ContentMenuItem", archive["ContentType"]!.GetValue<string>());
        Assert.Equal("a0hxqec0qer4qqzbxv00xfy2c5", MenuReader.SelectedItemOf(archive));
        Assert.Equal(["Reports"], MenuTree.Children(archive).OfType<JsonObject>().Select(i => i["DisplayText"]!.GetValue<string>()));
        Assert.Equal("_blank", Item(menu, "Reports")["LinkMenuItemPart"]!["Target"]!.GetValue<string>());

        var page = await HtmlPage.GetAsync(reader, "/about");
        var top = page.Document.QuerySelectorAll("nav[aria-label=Main] > ul > li").Select(li => li.QuerySelector("summary, a")!.TextContent.Trim()).ToList();
        Assert.Equal(["Home", "About", "Sanctions", "Human rights", "Archive", "Diplomacy and politics"], top);
        var reports = page.Document.QuerySelector("nav[aria-label=Main] details a[href='https://example.org/reports']");
        Assert.NotNull(reports);

        using var deleted = await AdminSite.PostFormAsync(admin, MainMenu, "Delete", new() { ["itemId"] = MenuTree.IdOf(archive) });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var after = await HtmlPage.GetAsync(reader, "/about");
        Assert.Null(after.Document.QuerySelector("nav[aria-label=Main] a[href='https://example.org/reports']"));
        Assert.DoesNotContain(MenuTree.All(await MenuAsync()), i => i["DisplayText"]?.GetValue<string>() is "Archive" or "Reports");
    }

    [Fact]
    public async Task UnsafeAddressesUnknownPathsAndLoopsAreRefusedWithTheirReasonAndChangeNothing()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var before = (await MenuAsync()).Content.ToJsonString();
        var home = MenuTree.IdOf(Item(await MenuAsync(), "Home"));
        using var parent = await AdminSite.PostFormAsync(admin, MainMenu, "Add", new()
        {
            ["Input.Text"] = "Parent", ["Input.Kind"] = "Link", ["Input.Url"] = "/",
        });
        var parentId = MenuTree.IdOf(Item(await MenuAsync(), "Parent"));
        using var child = await AdminSite.PostFormAsync(admin, MainMenu, "Add", new()
        {
            ["Input.Text"] = "Child", ["Input.Kind"] = "Link", ["Input.Url"] = "/", ["Input.ParentId"] = parentId,
        });
        var withBoth = (await MenuAsync()).Content.ToJsonString();

        using var script = await AdminSite.PostFormAsync(admin, MainMenu, "Add", new()
        {
            ["Input.Text"] = "Bad", ["Input.Kind"] = "Link", ["Input.Url"] = "javascript:alert(1)",
        });
        using var unknown = await AdminSite.PostFormAsync(admin, MainMenu, "Update", new()
        {
            ["Input.ItemId"] = home, ["Input.Text"] = "Home", ["Input.Kind"] = "Content", ["Input.ItemPath"] = "/no-such-page",
        });
        using var loop = await AdminSite.PostFormAsync(admin, MainMenu, "Update", new()
        {
            ["Input.ItemId"] = parentId, ["Input.Text"] = "Parent", ["Input.Kind"] = "Link", ["Input.Url"] = "/",
            ["Input.ParentId"] = MenuTree.IdOf(Item(await MenuAsync(), "Child")),
        });

        Assert.Contains("web or mail address", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No published item answers at", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("under itself or under one of its own children", await loop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(withBoth, (await MenuAsync()).Content.ToJsonString());

        using var removed = await AdminSite.PostFormAsync(admin, MainMenu, "Delete", new() { ["itemId"] = parentId });
        Assert.Equal(before, (await MenuAsync()).Content.ToJsonString());
    }

    [Fact]
    public async Task ANewMenuIsCreatedFromNewAndListed()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        using var created = await AdminSite.PostFormAsync(admin, "/admin/menus/new", "Create", new() { ["MenuName"] = "Footer", ["MenuAlias"] = "footer" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/menus/", editUrl, StringComparison.Ordinal);
        Assert.Contains("Footer", await admin.GetStringAsync("/admin/menus"), StringComparison.Ordinal);
        using var link = await AdminSite.PostFormAsync(admin, editUrl, "Add", new() { ["Input.Text"] = "About", ["Input.Kind"] = "Content", ["Input.ItemPath"] = "about" });
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Contains("/about", await admin.GetStringAsync(editUrl), StringComparison.Ordinal);
        var header = await HtmlPage.GetAsync(site.NewClient(), "/");
        Assert.DoesNotContain("Footer", header.Document.QuerySelector("nav[aria-label=Main]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Author")]
    public async Task OnlyThoseAllowedToManageMenusReachThem(string role)
    {
        using var client = await AdminSite.SignedInAsync(site, role);
        var before = (await MenuAsync()).Content.ToJsonString();

        using var list = await client.GetAsync("/admin/menus");
        using var add = await client.PostAsync($"{MainMenu}?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = "Sneaky", ["Input.Kind"] = "Link", ["Input.Url"] = "/", ["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, "/admin"),
        }));

        Assert.StartsWith("/admin/denied", list.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/admin/denied", add.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(before, (await MenuAsync()).Content.ToJsonString());
    }

    private async Task<ContentItem> MenuAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MenuEditor>().GetAsync("4mainmenu00000000000000000"))!;
    }

    private static JsonObject Item(ContentItem menu, string text) =>
        MenuTree.All(menu).Single(i => i["DisplayText"]?.GetValue<string>() == text);
}

using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Menus;

namespace BlogSite.UnitTests.Content.Menus;

/// Menus as Orchard Core's recipes write them become entries readers can follow, and nothing else.
public sealed class MenuReaderTests
{
    [Fact]
    public void NestedLinkAndContentItemsBecomeEntriesWithTheirChildren()
    {
        var items = JsonNode.Parse("""
            [
              { "ContentType": "LinkMenuItem", "DisplayText": "Home", "LinkMenuItemPart": { "Name": "Home", "Url": "~/" } },
              { "ContentType": "LinkMenuItem", "DisplayText": "Topics", "LinkMenuItemPart": { "Name": "Topics", "Url": "" },
                "MenuItemsListPart": { "MenuItems": [
                  { "ContentType": "ContentMenuItem", "DisplayText": "About us", "ContentMenuItemPart": { "Name": "About us" },
                    "ContentMenuItem": { "SelectedContentItem": { "ContentItemIds": [ "about-id" ] } } } ] } }
            ]
            """)!.AsArray();

        var entries = MenuReader.Entries(items, id => id == "about-id" ? "/about" : null);

        Assert.Equal(["Home", "Topics"], entries.Select(e => e.Text));
        Assert.Equal("/", entries[0].Url);
        Assert.Null(entries[1].Url);
        var child = Assert.Single(entries[1].Children);
        Assert.Equal(("About us", "/about"), (child.Text, child.Url));
        Assert.Equal(["about-id"], MenuReader.SelectedItems(items));
    }
}

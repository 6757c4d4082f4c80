using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using static BlogSite.Cms.Content.Menus.MenuTree;

namespace BlogSite.Cms.Content.Menus;

/// Changes a menu's items as Orchard Core stores them (LinkMenuItem and ContentMenuItem objects nested inside the
/// menu). Menus are not drafted: a change is live at once, and never saved over a change made meanwhile.
public sealed class MenuEditor(ContentStore store, ContentVersionImporter importer, LiveItemSaver saver, MenuTargets targets, TimeProvider clock)
{
    public async Task<ContentItem?> GetAsync(string menuId, CancellationToken cancellationToken = default) =>
        await store.GetLatestAsync(menuId, cancellationToken) is { ContentType: MenuDefinitions.Menu } menu ? menu : null;

    /// Runs one or more edits in one transaction; a refused edit changes nothing and names the field at fault.
    public Task<ContentChange> ChangeAsync(Func<Task<string>> change, CancellationToken cancellationToken = default) =>
        saver.RunAsync(change, cancellationToken);

    /// Creates an empty, published menu; <paramref name="alias"/> (such as "main-menu") is how themes find it.
    public async Task<string> CreateAsync(string name, string? alias, string? owner, CancellationToken cancellationToken = default)
    {
        name = Required(name, "Name");
        var now = clock.GetUtcNow().UtcDateTime;
        var menu = new ContentItem
        {
            ContentItemId = ContentItemIdGenerator.NewId(),
            ContentType = MenuDefinitions.Menu,
            DisplayText = name,
            Latest = true,
            Published = true,
            Owner = owner,
            Author = owner,
            CreatedUtc = now,
            PublishedUtc = now,
        };
        menu.Apply(new TitlePart(name));
        menu.Apply(new MenuPart());
        if (!string.IsNullOrWhiteSpace(alias))
        {
            menu.Apply(new AliasPart(alias.Trim()));
        }

        Roots(menu);
        await importer.ImportAsync(menu, cancellationToken);
        return menu.ContentItemId;
    }

    /// Renames the menu and changes its alias.
    public Task RenameAsync(string menuId, string name, string? alias, CancellationToken cancellationToken = default) =>
        saver.EditAsync(menuId, MenuDefinitions.Menu, menu =>
        {
            menu.DisplayText = Required(name, "Name");
            menu.Apply(new TitlePart(menu.DisplayText));
            if (string.IsNullOrWhiteSpace(alias))
            {
                menu.Remove<AliasPart>();
            }
            else
            {
                menu.Apply(new AliasPart(alias.Trim()));
            }

            return menuId;
        }, cancellationToken);

    /// Adds an item last among the top-level items or among <paramref name="parentId"/>'s children.
    public async Task<string> AddItemAsync(string menuId, MenuItemInput input, string? parentId, CancellationToken cancellationToken = default)
    {
        var target = await TargetOfAsync(input, cancellationToken);
        var (_, itemId) = await saver.EditAsync(menuId, MenuDefinitions.Menu, menu =>
        {
            var siblings = parentId is null ? Roots(menu) : Children(Find(menu, parentId, "ParentId"));
            var item = new JsonObject { ["ContentItemId"] = ContentItemIdGenerator.NewId() };
            Describe(item, input, target);
            siblings.Add(item);
            return IdOf(item);
        }, cancellationToken);
        return itemId!;
    }

    /// Changes an item's text and where it leads; its children stay.
    public async Task UpdateItemAsync(string menuId, string itemId, MenuItemInput input, CancellationToken cancellationToken = default)
    {
        var target = await TargetOfAsync(input, cancellationToken);
        await saver.EditAsync(menuId, MenuDefinitions.Menu, menu =>
        {
            Describe(Find(menu, itemId, "ItemId"), input, target);
            return itemId;
        }, cancellationToken);
    }

    /// Moves an item one place up (-1) or down (+1) among its siblings.
    public Task MoveAsync(string menuId, string itemId, int offset, CancellationToken cancellationToken = default) =>
        saver.EditAsync(menuId, MenuDefinitions.Menu, menu =>
        {
            var item = Find(menu, itemId, "ItemId");
            var siblings = (JsonArray)item.Parent!;
            var index = siblings.IndexOf(item);
            var target = Math.Clamp(index + Math.Sign(offset), 0, siblings.Count - 1);
            if (target == index)
            {
                return null;
            }

            siblings.RemoveAt(index);
            siblings.Insert(target, item);
            return itemId;
        }, cancellationToken);

    /// Puts an item (with its children) last under another item, or at the top level with a null parent.
    public Task SetParentAsync(string menuId, string itemId, string? parentId, CancellationToken cancellationToken = default) =>
        saver.EditAsync(menuId, MenuDefinitions.Menu, menu =>
        {
            var item = Find(menu, itemId, "ItemId");
            if (ParentIdOf(item) == parentId)
            {
                return null;
            }

            JsonArray destination;
            if (parentId is null)
            {
                destination = Roots(menu);
            }
            else
            {
                var parent = Find(menu, parentId, "ParentId");
                if (Below(item).Contains(parent))
                {
                    throw new ContentEditException("ParentId", "An item cannot be placed under itself or under one of its own children.");
                }

                destination = Children(parent);
            }

            ((JsonArray)item.Parent!).Remove(item);
            destination.Add(item);
            return itemId;
        }, cancellationToken);

    /// Deletes an item and the items below it.
    public Task DeleteItemAsync(string menuId, string itemId, CancellationToken cancellationToken = default) =>
        saver.EditAsync(menuId, MenuDefinitions.Menu, menu =>
        {
            var item = Find(menu, itemId, "ItemId");
            ((JsonArray)item.Parent!).Remove(item);
            return itemId;
        }, cancellationToken);

    private async Task<string?> TargetOfAsync(MenuItemInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        Required(input.Text, "Text");
        if (input.Kind == MenuItemKind.Link)
        {
            return SafeLink.Of(input.Url) is null
                ? throw new ContentEditException("Url", "Enter a path on this site (such as /about) or a web or mail address (https://…, mailto:…).")
                : null;
        }

        return await targets.ItemAtAsync(input.ItemPath, cancellationToken)
            ?? throw new ContentEditException("ItemPath", $"No published item answers at '{input.ItemPath}'. Pick a path from the list or publish the item first.");
    }

    /// Rewrites an item's own parts from the input, as Orchard Core shapes them; children and unknown parts stay.
    private static void Describe(JsonObject item, MenuItemInput input, string? target)
    {
        var text = input.Text.Trim();
        item["DisplayText"] = text;
        ContentParts.Remove<LinkMenuItemPart>(item);
        ContentParts.Remove<ContentMenuItemPart>(item);
        item.Remove(MenuDefinitions.ContentMenuItem);
        if (input.Kind == MenuItemKind.Link)
        {
            item["ContentType"] = MenuDefinitions.LinkMenuItem;
            ContentParts.Apply(item, new LinkMenuItemPart(text, input.Url!.Trim(), input.NewTab ? "_blank" : null));
        }
        else
        {
            item["ContentType"] = MenuDefinitions.ContentMenuItem;
            ContentParts.Apply(item, new ContentMenuItemPart(text));
            item[MenuDefinitions.ContentMenuItem] = new JsonObject
            {
                ["SelectedContentItem"] = new JsonObject { ["ContentItemIds"] = new JsonArray(target) },
            };
        }
    }

    private static string Required(string? value, string field) =>
        value?.Trim() is { Length: > 0 } trimmed ? trimmed : throw new ContentEditException(field, "Enter some text.");
}

using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Parts;

namespace BlogSite.Cms.Content.Menus;

/// Orchard Core's menu types: a Menu holds LinkMenuItem and ContentMenuItem items, nested, in its MenuItemsListPart.
public static class MenuDefinitions
{
    public const string Menu = "Menu";
    public const string LinkMenuItem = "LinkMenuItem";
    public const string ContentMenuItem = "ContentMenuItem";

    public static ContentDefinitionDocument Build() => new ContentDefinitionBuilder()
        .Type(Menu, "Menu", type => type
            .Settings(new ContentTypeSettings(Creatable: true, Listable: true, Stereotype: "Menu"))
            .Part<TitlePart>()
            .Part<AliasPart>()
            .Part<MenuPart>()
            .Part<MenuItemsListPart>())
        .Type(LinkMenuItem, "Link Menu Item", type => type
            .Settings(new ContentTypeSettings(Stereotype: "MenuItem"))
            .Part<LinkMenuItemPart>())
        .Type(ContentMenuItem, "Content Menu Item", type => type
            .Settings(new ContentTypeSettings(Stereotype: "MenuItem"))
            .Part<ContentMenuItemPart>()
            .NamedPart(ContentMenuItem, ContentMenuItem))
        .Part(ContentMenuItem, part => part
            .Field<ContentPickerField>("SelectedContentItem", "Content Item"))
        .Build();
}

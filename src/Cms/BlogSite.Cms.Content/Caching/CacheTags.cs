namespace BlogSite.Cms.Content.Caching;

/// What a public page can show, as the tags its cached copy carries and a change evicts.
public static class CacheTags
{
    /// Everything every page shows: settings, features, the theme, menus, taxonomies, roles.
    public const string Site = "site";

    /// Any change to what readers see, for pages that list everything with its date (sitemaps).
    public const string Published = "published";

    /// What search finds. No page is cached with it (search pages are not cached); its change moves the generation,
    /// which kept search results follow.
    public const string Search = "search";

    /// One item's published version: its own page and every page that shows its title, summary or link.
    public static string Item(string contentItemId) => "item:" + contentItemId;

    /// A person's name and bio: their bylines and their author page.
    public static string User(string userId) => "user:" + userId;

    /// Which items of a type are published, in what order, under which terms and containers: lists, feeds, counts.
    public static string Type(string contentType) => "type:" + contentType;
}

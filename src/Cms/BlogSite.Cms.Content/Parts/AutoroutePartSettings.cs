namespace BlogSite.Cms.Content.Parts;

/// How a type's items get their path: the Liquid pattern a new item's path is made from, whether editors may type
/// their own path and whether the editor offers "set as home page". The last two are Orchard Core's settings for
/// items held by another (a taxonomy's terms): the holder's type lets them have routes, and the held type's own
/// routes are then managed by it; Orchard Core needs both to route term pages.
public sealed record AutoroutePartSettings(
    bool AllowCustomPath = false,
    string? Pattern = null,
    bool ShowHomepageOption = false,
    bool AllowRouteContainedItems = false,
    bool ManageContainedItemRoutes = false);

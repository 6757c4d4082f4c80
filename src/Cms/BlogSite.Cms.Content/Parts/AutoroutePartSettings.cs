namespace BlogSite.Cms.Content.Parts;

/// How a type's items get their path: the Liquid pattern a new item's path is made from, whether editors may type
/// their own path and whether the editor offers "set as home page".
public sealed record AutoroutePartSettings(bool AllowCustomPath = false, string? Pattern = null, bool ShowHomepageOption = false);

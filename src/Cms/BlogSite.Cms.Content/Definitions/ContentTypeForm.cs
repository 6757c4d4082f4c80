namespace BlogSite.Cms.Content.Definitions;

/// A type's name and settings as an administrator enters them; an empty technical name is made from the display name.
public sealed record ContentTypeForm(
    string DisplayName, string? Name, string? Stereotype, bool Creatable, bool Listable, bool Draftable, bool Versionable);

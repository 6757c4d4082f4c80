namespace BlogSite.Cms.Content.Parts;

/// Marks an item as a container; what it may contain and its page size are type settings (ListPartSettings).
public sealed record ListPart;

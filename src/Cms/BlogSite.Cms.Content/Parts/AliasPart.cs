namespace BlogSite.Cms.Content.Parts;

/// Orchard Core's handle for an item ("main-menu"), which templates use to find it.
public sealed record AliasPart(string? Alias);

namespace BlogSite.Cms.Content.Definitions;

/// A field as an administrator adds or changes it: its kind ("TextField", "LinkField", …), names and the common
/// settings Orchard Core's field kinds share (hint, required), with those only some kinds read (the text editor,
/// numeric bounds, several values, a taxonomy and how its terms are picked).
public sealed record ContentFieldForm(
    string Kind,
    string DisplayName,
    string? Name,
    string? Hint = null,
    bool Required = false,
    string? Editor = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    bool Multiple = false,
    string? TaxonomyContentItemId = null,
    bool LeavesOnly = false,
    bool Unique = false,
    bool Open = false);

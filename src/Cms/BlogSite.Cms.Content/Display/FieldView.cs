namespace BlogSite.Cms.Content.Display;

/// A field as readers see it, ready for its kind's template in the theme ("TextField", "LinkField", …): the label
/// from its definition and the value already made safe (sanitized HTML, checked links).
public sealed record FieldView(string Name, string Label, string Kind, object Value);

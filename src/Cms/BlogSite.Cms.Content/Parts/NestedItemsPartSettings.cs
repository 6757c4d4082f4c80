namespace BlogSite.Cms.Content.Parts;

/// Which types a BagPart or FlowPart holds (Orchard Core's BagPartSettings and FlowPartSettings share this shape);
/// none named means any widget for a flow and nothing for a bag.
public sealed record NestedItemsPartSettings(IReadOnlyList<string>? ContainedContentTypes = null, IReadOnlyList<string>? ContainedStereotypes = null);

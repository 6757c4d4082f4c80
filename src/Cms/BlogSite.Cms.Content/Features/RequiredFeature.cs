namespace BlogSite.Cms.Content.Features;

/// Endpoint metadata: the endpoint answers only while the feature is enabled, and is a 404 otherwise, as Orchard
/// Core's [RequireFeatures] makes it.
public sealed record RequiredFeature(string Id);

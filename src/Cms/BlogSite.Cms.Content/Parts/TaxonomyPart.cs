using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Parts;

/// Terms are content items nested in the taxonomy, as in Orchard Core; a term's children sit in its own "Terms" array.
public sealed record TaxonomyPart(JsonArray? Terms, string? TermContentType);

using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Parts;

/// Orchard Core's bag: content items stored inside their parent, drawn in order on its page.
public sealed record BagPart(JsonArray? ContentItems);

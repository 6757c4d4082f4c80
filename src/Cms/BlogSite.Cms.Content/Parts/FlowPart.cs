using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Parts;

/// Orchard Core's flow: widgets (content items) stored inside their page, drawn in order.
public sealed record FlowPart(JsonArray? Widgets);

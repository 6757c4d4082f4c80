using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Model;

/// One stored version of a content item. Parts and fields live in <see cref="Content"/> exactly as a recipe writes them,
/// so parts the code does not know survive an import and are written back on export.
public sealed class ContentItem
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ContentItemVersionId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string DisplayText { get; set; } = "";

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public string? Owner { get; set; }

    public string? Author { get; set; }

    public DateTime? CreatedUtc { get; set; }

    public DateTime? ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public JsonObject Content { get; set; } = [];

    /// When this draft is due to go live: Orchard Core's PublishLaterPart.ScheduledPublishUtc, kept as a column too so
    /// the scheduler finds due items without reading content.
    public DateTime? ScheduledPublishUtc { get; set; }

    /// Saved by the editor's autosave rather than by a person pressing a button; the next autosave updates it in place.
    public bool Autosaved { get; set; }

    /// Changes on every save, so two editors saving the same version cannot silently overwrite each other.
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public T? As<T>(string partName) where T : class =>
        Content[partName] is JsonObject part ? part.Deserialize<T>(ContentJson.Options) : null;

    public T? Field<T>(string partName, string fieldName) where T : class =>
        Content[partName] is JsonObject part && part[fieldName] is JsonObject field
            ? field.Deserialize<T>(ContentJson.Options)
            : null;
}

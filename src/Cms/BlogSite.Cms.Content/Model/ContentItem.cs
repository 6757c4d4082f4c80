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

    /// When this version went live; kept after another version replaces it, so the history can say what readers saw.
    public DateTime? WentLiveUtc { get; set; }

    /// The version this one was made from by "restore as the new draft".
    public string? RestoredFromVersionId { get; set; }

    /// Set while the item waits for an editor's review (a Contributor's "Submit for review"); carried by later saves
    /// until it is published or sent back.
    public DateTime? ReviewRequestedUtc { get; set; }

    /// What the editor who sent the item back wrote to its author; carried by later saves until it is submitted again.
    public string? ReviewNote { get; set; }

    /// Changes on every save, so two editors saving the same version cannot silently overwrite each other.
    public string ConcurrencyStamp { get; set; } = NewStamp();

    public TPart? As<TPart>() where TPart : class => ContentParts.Get<TPart>(Content);

    public bool Has<TPart>() => ContentParts.Has<TPart>(Content);

    /// Writes the part's non-null properties over the stored ones; properties the part type does not know stay.
    public ContentItem Apply<TPart>(TPart part) where TPart : class
    {
        ContentParts.Apply(Content, part);
        return this;
    }

    /// Changes the part with <paramref name="change"/>, which gets the stored part or null when there is none.
    public ContentItem Alter<TPart>(Func<TPart?, TPart> change) where TPart : class
    {
        ArgumentNullException.ThrowIfNull(change);
        return Apply(change(As<TPart>()));
    }

    public ContentItem Remove<TPart>()
    {
        ContentParts.Remove<TPart>(Content);
        return this;
    }

    /// Records when the version went live, the first time it is saved live or (<paramref name="wasLive"/>) stops being
    /// live; publishing sets the exact time itself.
    public void MarkWentLive(bool wasLive)
    {
        if (WentLiveUtc is null && (Published || wasLive))
        {
            WentLiveUtc = PublishedUtc is { } published && published > (ModifiedUtc ?? DateTime.MinValue) ? published : ModifiedUtc ?? PublishedUtc;
        }
    }

    /// Marks the version as changed, so an editor holding the old stamp is told instead of overwriting it.
    public void Restamp() => ConcurrencyStamp = NewStamp();

    private static string NewStamp() => StampSource.Next();
}

namespace BlogSite.Cms.Content.Editing;

/// Someone saved or deleted the item after the editor loaded it; saving now would silently overwrite their work.
public sealed class ContentVersionConflictException : Exception
{
    private ContentVersionConflictException(string message, string? savedBy, DateTime? savedUtc, string currentStamp)
        : base(message)
    {
        SavedBy = savedBy;
        SavedUtc = savedUtc;
        CurrentStamp = currentStamp;
    }

    public string? SavedBy { get; }

    public DateTime? SavedUtc { get; }

    /// The stamp of the version that won, so the editor can knowingly replace it on the next save.
    public string CurrentStamp { get; }

    public static ContentVersionConflictException SavedMeanwhile(string? savedBy, DateTime? savedUtc, string currentStamp) =>
        new($"{savedBy ?? "Someone"} saved this item{(savedUtc is { } when ? $" at {when:yyyy-MM-dd HH:mm} UTC" : "")} after you opened it.", savedBy, savedUtc, currentStamp);

    public static ContentVersionConflictException DeletedMeanwhile() =>
        new("This item was deleted after you opened it.", null, null, "");
}

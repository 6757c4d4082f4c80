using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Editing;

/// What a save of an editor did (the editor every type gets, or a module's): the saved version, or the problems by
/// field, or the conflict with the stamp of the version that won, so the editor can knowingly save over it.
public sealed record ContentSaveResult(ContentSaveOutcome Outcome, ContentItem? Item = null)
{
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    public string? ConflictMessage { get; init; }

    public string? CurrentStamp { get; init; }

    /// When a scheduled version goes live.
    public DateTime? ScheduledUtc { get; init; }

    public bool Succeeded => Outcome is ContentSaveOutcome.Saved or ContentSaveOutcome.Published or ContentSaveOutcome.Scheduled;

    /// Nothing was written; each problem is for its field (the first one per field is kept).
    public static ContentSaveResult Invalid(IEnumerable<KeyValuePair<string, string>> problems)
    {
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, message) in problems)
        {
            byField.TryAdd(field, message);
        }

        return new ContentSaveResult(ContentSaveOutcome.Invalid) { Problems = byField };
    }

    public static ContentSaveResult Invalid(string field, string message) => Invalid([KeyValuePair.Create(field, message)]);
}

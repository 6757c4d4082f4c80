using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Editing;

/// What a save of the editor every type gets did: the saved version, or the problems by input key, or the conflict
/// with the stamp of the version that won.
public sealed record ContentSaveResult(ContentSaveOutcome Outcome, ContentItem? Item = null)
{
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    public string? ConflictMessage { get; init; }

    public string? CurrentStamp { get; init; }

    public bool Succeeded => Outcome is ContentSaveOutcome.Saved or ContentSaveOutcome.Published or ContentSaveOutcome.Scheduled;
}

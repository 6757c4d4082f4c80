using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Blog.Editing;

/// What a save did. <see cref="Post"/> is the saved version when something was written; a conflict carries the
/// message and the stamp of the version that won, so the editor can knowingly save over it.
public sealed record PostSaveResult(ContentSaveOutcome Outcome, ContentItem? Post = null)
{
    public IReadOnlyList<PostFormProblem> Problems { get; init; } = [];

    public string? ConflictMessage { get; init; }

    public string? CurrentStamp { get; init; }

    public DateTime? ScheduledUtc { get; init; }

    public bool Succeeded => Outcome is ContentSaveOutcome.Saved or ContentSaveOutcome.Published or ContentSaveOutcome.Scheduled;

    public static PostSaveResult Invalid(params PostFormProblem[] problems) => new(ContentSaveOutcome.Invalid) { Problems = problems };
}

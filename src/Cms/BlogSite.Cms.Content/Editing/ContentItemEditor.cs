using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.Cms.Content.Editing;

/// The writes of the editor every type gets, each in one transaction, through the same drafts, versions, conflict
/// checks and publishing as the post editor. The caller has checked the user's permissions.
public sealed class ContentItemEditor(ContentDrafts drafts, ContentStore store, AutoroutePaths paths, RouteAvailability routes)
{
    /// Saves the posted values over <paramref name="latest"/> (null for a new item of the form's type).
    public async Task<ContentSaveResult> SaveAsync(
        ContentEditorForm form, ContentItem? latest, IReadOnlyDictionary<string, string?> posted, string? expectedStamp,
        ContentSaveIntent intent, string? userId, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = new ContentItem
        {
            ContentItemId = latest?.ContentItemId ?? ContentItemIdGenerator.NewId(),
            ContentType = form.Type.Name,
            DisplayText = latest?.DisplayText ?? "",
            Owner = latest?.Owner ?? userId,
            PublishedUtc = latest?.PublishedUtc,
            Content = latest is null ? [] : (JsonObject)latest.Content.DeepClone(),
        };
        var problems = new Dictionary<string, string>();
        ContentEditorInputs.Apply(form.Inputs, posted, item, form.Site, problems);
        item.Remove<PublishLaterPart>();
        if (problems.Count == 0 && form.Type.HasPart(ContentParts.NameOf<AutoroutePart>()))
        {
            await RouteAsync(item, problems, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return new ContentSaveResult(ContentSaveOutcome.Invalid) { Problems = problems };
        }

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        ContentItem saved;
        try
        {
            saved = await drafts.SaveAsync(item, latest is null ? null : expectedStamp, author, autosave: false, cancellationToken);
        }
        catch (ContentVersionConflictException e)
        {
            return new ContentSaveResult(ContentSaveOutcome.Conflict) { ConflictMessage = e.Message, CurrentStamp = e.CurrentStamp };
        }

        var publish = intent == ContentSaveIntent.Publish || !form.Draftable;
        if (publish)
        {
            try
            {
                await store.PublishAsync(saved.ContentItemId, cancellationToken: cancellationToken);
            }
            catch (ContentConflictException e)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new ContentSaveResult(ContentSaveOutcome.Invalid) { Problems = new Dictionary<string, string> { ["AutoroutePart.Path"] = e.Message } };
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ContentSaveResult(publish ? ContentSaveOutcome.Published : ContentSaveOutcome.Saved, saved);
    }

    /// An empty address comes from the type's pattern; a typed one is cleaned; either must be free.
    private async Task RouteAsync(ContentItem item, Dictionary<string, string> problems, CancellationToken cancellationToken)
    {
        var typed = Indexes.ContentIndexer.NormalizePath(item.As<AutoroutePart>()?.Path);
        var path = typed ?? await paths.GenerateAsync(item, cancellationToken);
        if (path is null)
        {
            return;
        }

        item.Alter<AutoroutePart>(part => (part ?? new AutoroutePart(null)) with { Path = path });
        if (path.StartsWith('\\') || path.Contains("..", StringComparison.Ordinal))
        {
            problems["AutoroutePart.Path"] = "An address may not start with a backslash or hold '..'.";
        }
        else if (await routes.FindTakenAsync([path], item.ContentItemId, includeDrafts: true, cancellationToken) is not null)
        {
            problems["AutoroutePart.Path"] = $"Another item already uses /{path}; choose a different address.";
        }
    }
}

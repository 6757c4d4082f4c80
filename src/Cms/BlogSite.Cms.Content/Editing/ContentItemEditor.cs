using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.Cms.Content.Editing;

/// The writes of the editor every type gets, each in one transaction, through the same drafts, versions, conflict
/// checks and publishing as the post editor. The caller has checked the user's permissions.
public sealed class ContentItemEditor(ContentVersionWriter writer, ContentStore store, AutoroutePaths paths, RouteAvailability routes)
{
    /// The problem key of the time a version is to go live.
    public const string PublishAtKey = "PublishAt";

    /// Saves the posted values over <paramref name="latest"/> (null for a new item of the form's type); publishing
    /// with <paramref name="publishAt"/> ahead of the site's clock (in its zone) schedules the version instead.
    public async Task<ContentSaveResult> SaveAsync(
        ContentEditorForm form, ContentItem? latest, IReadOnlyDictionary<string, string?> posted, string? expectedStamp,
        ContentSaveIntent intent, string? userId, string author, DateTime? publishAt = null, CancellationToken cancellationToken = default)
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
        if (publishAt is { } local && form.Site.Skips(local))
        {
            problems[PublishAtKey] = "That time does not exist in the site's time zone (the clocks skip it); choose another.";
        }

        if (problems.Count == 0 && form.Type.HasPart(ContentParts.NameOf<AutoroutePart>()))
        {
            await RouteAsync(item, problems, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return new ContentSaveResult(ContentSaveOutcome.Invalid) { Problems = problems };
        }

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        var publish = intent == ContentSaveIntent.Publish || !form.Draftable;
        var scheduleUtc = publish && form.Draftable ? writer.FutureUtc(publishAt, form.Site) : null;
        return await writer.WriteAsync(
            transaction, item, latest is null ? null : expectedStamp, author, intent, publish, scheduleUtc, "AutoroutePart.Path", cancellationToken);
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

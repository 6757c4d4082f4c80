using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.Cms.Content.Model;

/// Reads and writes content versions and keeps their index rows in step. Writes join the caller's transaction.
public sealed class ContentStore(
    CmsDbContext db, TimeProvider clock, IEnumerable<IContentIndexProvider> indexes, RouteAvailability routes, HomeRoute home)
{
    /// Several writes that must land together (a draft and its publication, new tags and the post using them).
    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    // Every content page reads its item this way.
    private static readonly CompiledQuery<Func<CmsDbContext, string, CancellationToken, Task<ContentItem?>>> PublishedVersion = new(() =>
        EF.CompileAsyncQuery((CmsDbContext db, string contentItemId, CancellationToken _) =>
            db.ContentItems.AsNoTracking().FirstOrDefault(x => x.ContentItemId == contentItemId && x.Published)));

    public Task<ContentItem?> GetPublishedAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        PublishedVersion.For(db)(db, contentItemId, cancellationToken);

    public Task<ContentItem?> GetLatestAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Latest, cancellationToken);

    /// Makes the latest version (or the version <paramref name="contentItemVersionId"/>, for a schedule) the
    /// published one; the previously published version stops being published and any schedule of the item ends.
    public async Task<bool> PublishAsync(string contentItemId, string? contentItemVersionId = null, CancellationToken cancellationToken = default)
    {
        await using var own = await OwnTransactionAsync(cancellationToken);
        var versions = await db.ContentItems
            .Where(x => x.ContentItemId == contentItemId
                && (x.Latest || x.Published || x.ScheduledPublishUtc != null || x.ContentItemVersionId == contentItemVersionId))
            .ToListAsync(cancellationToken);
        var chosen = contentItemVersionId is null ? versions.Find(v => v.Latest) : versions.Find(v => v.ContentItemVersionId == contentItemVersionId);
        if (chosen is null || chosen.Published)
        {
            return false;
        }

        var publishing = new ContentItem { ContentItemId = chosen.ContentItemId, ContentType = chosen.ContentType, Published = true, Content = chosen.Content };
        await EnsureRoutesAreFreeAsync(publishing, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await RememberMovedRoutesAsync(versions.Find(v => v.Published), publishing, now, cancellationToken);
        foreach (var version in versions)
        {
            version.Published = version == chosen;
            version.Restamp();
            if (version.ScheduledPublishUtc is not null || version.Has<PublishLaterPart>())
            {
                version.ScheduledPublishUtc = null;
                version.Content = (JsonObject)version.Content.DeepClone();
                version.Remove<PublishLaterPart>();
            }
        }

        chosen.PublishedUtc ??= now;
        chosen.WentLiveUtc = now;
        // Published, the item no longer waits for review, and an old note to its author is answered.
        chosen.ReviewRequestedUtc = null;
        chosen.ReviewNote = null;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var version in versions)
        {
            await ReindexAsync(version, cancellationToken);
        }

        await home.TakeFromAsync([chosen], cancellationToken);
        await CommitAsync(own, cancellationToken);
        return true;
    }

    /// Takes the item off the site; its versions stay, and the latest can be published again.
    public async Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var published = await db.ContentItems.FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Published, cancellationToken);
        if (published is null)
        {
            return false;
        }

        await using var own = await OwnTransactionAsync(cancellationToken);
        published.Published = false;
        published.Restamp();
        await db.SaveChangesAsync(cancellationToken);
        await ReindexAsync(published, cancellationToken);
        await CommitAsync(own, cancellationToken);
        return true;
    }

    /// Removes every version with its index rows and search entries.
    public async Task<bool> DeleteAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await using var own = await OwnTransactionAsync(cancellationToken);
        var versions = await db.ContentItems.Where(x => x.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        foreach (var index in indexes)
        {
            await index.RemoveAsync(versions, cancellationToken);
        }

        db.ContentItems.RemoveRange(versions);
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(own, cancellationToken);
        return versions.Count > 0;
    }

    /// Orchard Core's import rules: the same version is updated, a new version of a known item becomes its latest
    /// (and published) version, an unknown item is created. Importing what is already stored changes nothing.
    public async Task<ImportOutcome> ImportAsync(ContentItem incoming, CancellationToken cancellationToken = default)
    {
        await using var own = await OwnTransactionAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(incoming);
        var existing = incoming.ContentItemVersionId.Length > 0
            ? await db.ContentItems.FirstOrDefaultAsync(x => x.ContentItemVersionId == incoming.ContentItemVersionId, cancellationToken)
            : null;
        if (existing is not null && existing.ContentItemId != incoming.ContentItemId)
        {
            throw new ContentConflictException(
                "ContentItemVersionId",
                $"Version '{incoming.ContentItemVersionId}' belongs to item '{existing.ContentItemId}', not '{incoming.ContentItemId}'.");
        }

        var newVersion = existing is null && incoming.ContentItemVersionId.Length > 0;
        existing ??= newVersion ? null : await db.ContentItems
            .Where(x => x.ContentItemId == incoming.ContentItemId)
            .OrderByDescending(x => x.Latest).ThenByDescending(x => x.Id)
            .FirstOrDefaultAsync(cancellationToken);

        if (existing is not null && SameAs(existing, incoming))
        {
            return ImportOutcome.Unchanged;
        }

        await EnsureRoutesAreFreeAsync(incoming, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await RememberMovedRoutesAsync(existing, incoming, now, cancellationToken);
        var target = existing ?? new ContentItem
        {
            ContentItemId = incoming.ContentItemId,
            ContentItemVersionId = incoming.ContentItemVersionId.Length > 0 ? incoming.ContentItemVersionId : ContentItemIdGenerator.NewId(),
            CreatedUtc = incoming.CreatedUtc ?? now,
        };
        var siblings = await db.ContentItems
            .Where(x => x.ContentItemId == incoming.ContentItemId && x.Id != target.Id && (x.Latest || x.Published))
            .ToListAsync(cancellationToken);
        foreach (var sibling in siblings)
        {
            sibling.Latest &= !incoming.Latest;
            sibling.Published &= !incoming.Published;
            sibling.Restamp();
        }

        target.ContentType = incoming.ContentType;
        target.DisplayText = incoming.DisplayText;
        target.Latest = incoming.Latest;
        target.Published = incoming.Published;
        target.Owner = incoming.Owner;
        target.Author = incoming.Author;
        target.CreatedUtc = incoming.CreatedUtc ?? target.CreatedUtc;
        target.ModifiedUtc = incoming.ModifiedUtc ?? now;
        target.PublishedUtc = incoming.PublishedUtc ?? target.PublishedUtc ?? (incoming.Published ? now : null);
        target.Content = (JsonObject)incoming.Content.DeepClone();
        target.ScheduledPublishUtc = target.Published ? null : PublishLaterPart.ScheduleOf(target);
        target.Restamp();
        if (existing is null)
        {
            db.ContentItems.Add(target);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var version in siblings.Append(target))
        {
            await ReindexAsync(version, cancellationToken);
        }

        await home.TakeFromAsync([target], cancellationToken);
        await CommitAsync(own, cancellationToken);

        // A new version of an item the site already has is an update of that item, not a new item.
        return existing is null && siblings.Count == 0 ? ImportOutcome.Created : ImportOutcome.Updated;
    }

    /// A transaction of its own when the caller has none, so an item's save and the index rows it implies commit
    /// together: no reader, and no cache told about the change at commit, sees one without the other.
    private async Task<IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitAsync(IDbContextTransaction? own, CancellationToken cancellationToken)
    {
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }

    /// Rebuilds the index rows of a version whose content changed, and tells the index providers.
    internal async Task ReindexAsync(ContentItem item, CancellationToken cancellationToken)
    {
        await db.Routes.Where(x => x.DocumentId == item.Id).ExecuteDeleteAsync(cancellationToken);
        await db.TaxonomyLinks.Where(x => x.DocumentId == item.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Terms.Where(x => x.DocumentId == item.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Containment.Where(x => x.DocumentId == item.Id).ExecuteDeleteAsync(cancellationToken);
        var entries = ContentIndexer.Build(item);
        db.Routes.AddRange(entries.Routes);
        db.TaxonomyLinks.AddRange(entries.TaxonomyLinks);
        db.Terms.AddRange(entries.Terms);
        db.Containment.AddRange(entries.Containment);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var index in indexes)
        {
            await index.IndexAsync([item], cancellationToken);
        }
    }

    /// Paths a published item gives up are remembered, so old links answer with a redirect; a path that is live
    /// again is forgotten. A path of something inside the item that is gone altogether (a deleted term) is remembered
    /// too: it leads to the item's own page, or to where <see cref="RedirectGoneAsync"/> sent it (a merged term).
    private async Task RememberMovedRoutesAsync(ContentItem? existing, ContentItem incoming, DateTime now, CancellationToken cancellationToken)
    {
        var newRoutes = incoming.Published ? ContentIndexer.Build(incoming).Routes : [];
        var newPaths = newRoutes.Select(r => r.Path).ToList();
        await db.RouteHistory.Where(h => newPaths.Contains(h.Path)).ExecuteDeleteAsync(cancellationToken);
        if (existing is not { Published: true } || !incoming.Published)
        {
            return;
        }

        foreach (var old in ContentIndexer.Build(existing).Routes.Where(r => !newPaths.Contains(r.Path)))
        {
            var stillRouted = newRoutes.Any(r => r.ContainedContentItemId == old.ContainedContentItemId);
            var gone = !stillRouted && old.ContainedContentItemId is not null;
            if ((stillRouted || gone) && !await db.RouteHistory.AnyAsync(h => h.Path == old.Path, cancellationToken))
            {
                db.RouteHistory.Add(new RouteHistoryIndex
                {
                    Path = old.Path, ContentItemId = old.ContentItemId, ContainedContentItemId = old.ContainedContentItemId, ChangedUtc = now,
                });
            }
        }
    }

    /// Old addresses of <paramref name="goneId"/> (inside <paramref name="contentItemId"/>) now lead to
    /// <paramref name="successorId"/>'s current address: a merged term's links reach the term it became.
    public Task RedirectGoneAsync(string contentItemId, string goneId, string successorId, CancellationToken cancellationToken = default) =>
        db.RouteHistory.Where(h => h.ContentItemId == contentItemId && h.ContainedContentItemId == goneId)
            .ExecuteUpdateAsync(h => h.SetProperty(x => x.ContainedContentItemId, successorId), cancellationToken);

    private async Task EnsureRoutesAreFreeAsync(ContentItem incoming, CancellationToken cancellationToken)
    {
        if (!incoming.Published)
        {
            return;
        }

        var paths = ContentIndexer.Build(incoming).Routes.Select(r => r.Path).ToList();
        var duplicate = paths.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ContentConflictException(PathProperty, $"The path '{duplicate.Key}' is used twice by this item.");
        }

        if (await routes.FindTakenAsync(paths, incoming.ContentItemId, includeDrafts: false, cancellationToken) is { } taken)
        {
            throw new ContentConflictException(PathProperty, taken.Message);
        }
    }

    /// Where a path conflict points in an item's JSON.
    public static string PathProperty { get; } = $"{ContentParts.NameOf<AutoroutePart>()}.{nameof(AutoroutePart.Path)}";

    private static bool SameAs(ContentItem stored, ContentItem incoming) =>
        stored.ContentType == incoming.ContentType
        && stored.DisplayText == incoming.DisplayText
        && stored.Latest == incoming.Latest
        && stored.Published == incoming.Published
        && stored.Owner == incoming.Owner
        && stored.Author == incoming.Author
        && (incoming.CreatedUtc is null || stored.CreatedUtc == incoming.CreatedUtc)
        && (incoming.ModifiedUtc is null || stored.ModifiedUtc == incoming.ModifiedUtc)
        && (incoming.PublishedUtc is null || stored.PublishedUtc == incoming.PublishedUtc)
        && JsonNode.DeepEquals(stored.Content, incoming.Content);
}

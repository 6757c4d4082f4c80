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
    CmsDbContext db, TimeProvider clock, ContentIndexWriter indexWriter, RouteAvailability routes, RouteHistoryKeeper history, HomeRoute home)
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
        await history.RememberAsync([(versions.Find(v => v.Published), publishing)], now, cancellationToken);
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
        await indexWriter.WriteAsync(versions, fresh: false, cancellationToken);
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
        await indexWriter.WriteAsync([published], fresh: false, cancellationToken);
        await CommitAsync(own, cancellationToken);
        return true;
    }

    /// Removes every version with its index rows and search entries.
    public async Task<bool> DeleteAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await using var own = await OwnTransactionAsync(cancellationToken);
        var versions = await db.ContentItems.Where(x => x.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        await indexWriter.RemoveAsync(versions, cancellationToken);
        db.ContentItems.RemoveRange(versions);
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(own, cancellationToken);
        return versions.Count > 0;
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

        RefuseRepeatedPaths(incoming, itemIndex: null);
        var paths = ContentIndexer.Build(incoming).Routes.Select(r => r.Path).ToList();
        if (await routes.FindTakenAsync(paths, incoming.ContentItemId, includeDrafts: false, cancellationToken) is { } taken)
        {
            throw new ContentConflictException(PathProperty, taken.Message);
        }
    }

    /// Refuses an item whose own routes give one path twice (its page and one of its terms, say).
    internal static void RefuseRepeatedPaths(ContentItem item, int? itemIndex)
    {
        var repeated = ContentIndexer.Build(item).Routes.GroupBy(r => r.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ContentConflictException(PathProperty, $"The path '{repeated.Key}' is used twice by this item.") { ItemIndex = itemIndex };
        }
    }

    /// Where a path conflict points in an item's JSON.
    public static string PathProperty { get; } = $"{ContentParts.NameOf<AutoroutePart>()}.{nameof(AutoroutePart.Path)}";
}

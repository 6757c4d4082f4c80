using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.Cms.Content.Model;

/// Imports many items at once, the path large recipes take: new items and their index rows are written with bulk
/// inserts instead of through the change tracker.
public sealed class ContentBatchImporter(
    CmsDbContext db, ContentVersionImporter versions, BulkInserter bulk, ContentIndexWriter indexWriter, TimeProvider clock, RouteAvailability routes,
    HomeRoute home, SiteChangeInterceptor changes)
{
    /// Items the site does not have yet are inserted together without the change tracker; the rest (items it has, and
    /// later copies of an item within the batch) are applied after them by <see cref="ContentVersionImporter"/>, also
    /// a batch at a time. A conflict names the item's index in the batch.
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.ContentItemId).Distinct().ToList();
        var versionIds = items.Where(i => i.ContentItemVersionId.Length > 0).Select(i => i.ContentItemVersionId).ToList();
        var stored = await db.ContentItems.AsNoTracking()
            .Where(x => ids.Contains(x.ContentItemId) || versionIds.Contains(x.ContentItemVersionId))
            .Select(x => new { x.ContentItemId, x.ContentItemVersionId })
            .ToListAsync(cancellationToken);
        var knownItems = stored.Select(x => x.ContentItemId).ToHashSet(StringComparer.Ordinal);
        var knownVersions = stored.Select(x => x.ContentItemVersionId).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<int>();
        var updates = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            // A version id the site has under another item goes the update way too, which refuses it by name.
            var isUpdate = knownItems.Contains(items[i].ContentItemId) || knownVersions.Contains(items[i].ContentItemVersionId) || !seen.Add(items[i].ContentItemId);
            (isUpdate ? updates : fresh).Add(i);
        }

        var outcomes = new ImportOutcome[items.Count];
        await AddFreshAsync(items, fresh, cancellationToken);
        foreach (var i in fresh)
        {
            outcomes[i] = ImportOutcome.Created;
        }

        if (updates.Count > 0)
        {
            IReadOnlyList<ImportOutcome> applied;
            try
            {
                applied = await versions.ImportAsync([.. updates.Select(i => items[i])], cancellationToken);
            }
            catch (ContentConflictException e) when (e.ItemIndex is { } index)
            {
                throw new ContentConflictException(e.Property, e.Message) { ItemIndex = updates[index] };
            }

            for (var k = 0; k < updates.Count; k++)
            {
                outcomes[updates[k]] = applied[k];
            }
        }

        db.ChangeTracker.Clear();
        return outcomes;
    }

    private async Task AddFreshAsync(IReadOnlyList<ContentItem> items, List<int> fresh, CancellationToken cancellationToken)
    {
        var claimed = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in fresh.Where(i => items[i].Published))
        {
            foreach (var route in ContentIndexer.Build(items[i]).Routes)
            {
                if (!claimed.TryAdd(route.Path, i))
                {
                    throw new ContentConflictException(ContentStore.PathProperty, $"The path '{route.Path}' is used by two items of this import.") { ItemIndex = i };
                }
            }
        }

        if (await routes.FindTakenAsync(claimed.Keys, exceptContentItemId: null, includeDrafts: false, cancellationToken) is { } taken)
        {
            throw new ContentConflictException(ContentStore.PathProperty, taken.Message) { ItemIndex = claimed[taken.Path] };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var added = fresh.Select(i => items[i]).Select(incoming => new ContentItem
        {
            ContentItemId = incoming.ContentItemId,
            ContentItemVersionId = incoming.ContentItemVersionId.Length > 0 ? incoming.ContentItemVersionId : ContentItemIdGenerator.NewId(),
            ContentType = incoming.ContentType,
            DisplayText = incoming.DisplayText,
            Latest = incoming.Latest,
            Published = incoming.Published,
            Owner = incoming.Owner,
            Author = incoming.Author,
            CreatedUtc = incoming.CreatedUtc ?? now,
            ModifiedUtc = incoming.ModifiedUtc ?? now,
            PublishedUtc = incoming.PublishedUtc ?? (incoming.Published ? now : null),
            Content = incoming.Content,
            ScheduledPublishUtc = incoming.Published ? null : PublishLaterPart.ScheduleOf(incoming),
        }).ToList();
        foreach (var version in added)
        {
            version.MarkWentLive(wasLive: false);
        }

        // Written in bulk rather than through the change tracker: this is the path large imports take.
        await bulk.InsertAsync(added, readKeysBy: nameof(ContentItem.ContentItemVersionId), cancellationToken);
        await indexWriter.WriteAsync(added, fresh: true, cancellationToken);
        await home.TakeFromAsync(added, cancellationToken);
        await changes.AddAsync(() => ChangedContent.TagsOf(added.Select(v => ((ContentItem?)null, (ContentItem?)v))), db, cancellationToken);
    }
}

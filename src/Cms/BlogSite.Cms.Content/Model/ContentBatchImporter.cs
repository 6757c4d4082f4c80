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
    CmsDbContext db, ContentStore store, BulkInserter bulk, IEnumerable<IContentIndexProvider> indexes, TimeProvider clock, RouteAvailability routes,
    HomeRoute home, SiteChangeInterceptor changes)
{
    /// Items the site does not have yet are added together, a few statements per batch; items it has go through
    /// <see cref="ContentStore.ImportAsync"/> one by one. A conflict names the item's index in the batch.
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.ContentItemId).Distinct().ToList();
        var versionIds = items.Where(i => i.ContentItemVersionId.Length > 0).Select(i => i.ContentItemVersionId).ToList();
        var known = (await db.ContentItems.AsNoTracking()
            .Where(x => ids.Contains(x.ContentItemId) || versionIds.Contains(x.ContentItemVersionId))
            .Select(x => x.ContentItemId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<int>();
        var oneByOne = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            (known.Contains(items[i].ContentItemId) || !seen.Add(items[i].ContentItemId) ? oneByOne : fresh).Add(i);
        }

        var outcomes = new ImportOutcome[items.Count];
        await AddFreshAsync(items, fresh, cancellationToken);
        foreach (var i in fresh)
        {
            outcomes[i] = ImportOutcome.Created;
        }

        foreach (var i in oneByOne)
        {
            try
            {
                outcomes[i] = await store.ImportAsync(items[i], cancellationToken);
            }
            catch (ContentConflictException e)
            {
                throw new ContentConflictException(e.Property, e.Message) { ItemIndex = i };
            }

            // Each save looks at every tracked entity, so a batch of updates that kept them all cost O(batch²).
            db.ChangeTracker.Clear();
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

        // Written with multi-row INSERTs rather than through the change tracker: this is the path large imports take.
        await bulk.InsertAsync(added, readKeysBy: nameof(ContentItem.ContentItemVersionId), cancellationToken);
        var entries = added.Select(ContentIndexer.Build).ToList();
        await bulk.InsertAsync(entries.SelectMany(e => e.Routes).ToList(), readKeysBy: null, cancellationToken);
        await bulk.InsertAsync(entries.SelectMany(e => e.TaxonomyLinks).ToList(), readKeysBy: null, cancellationToken);
        await bulk.InsertAsync(entries.SelectMany(e => e.Terms).ToList(), readKeysBy: null, cancellationToken);
        await bulk.InsertAsync(entries.SelectMany(e => e.Containment).ToList(), readKeysBy: null, cancellationToken);
        await home.TakeFromAsync(added, cancellationToken);
        await changes.AddAsync(ChangedContent.TagsOfAdded(added), db, cancellationToken);
        foreach (var index in indexes)
        {
            await index.IndexAsync(added, cancellationToken);
        }
    }
}

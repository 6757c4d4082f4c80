using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Search;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Model;

/// Imports many items at once, the path large recipes take: new items and their index rows are written with bulk
/// inserts instead of through the change tracker.
public sealed class ContentBatchImporter(CmsDbContext db, ContentStore store, BulkInserter bulk, SearchText searchText, TimeProvider clock)
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
                    throw new ContentConflictException("AutoroutePart.Path", $"The path '{route.Path}' is used by two items of this import.") { ItemIndex = i };
                }
            }
        }

        var paths = claimed.Keys.ToList();
        foreach (var chunk in paths.Chunk(500))
        {
            var taken = await db.Routes.AsNoTracking()
                .Where(r => r.Published && chunk.Contains(r.Path))
                .Select(r => new { r.Path, r.ContentItemId })
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                throw new ContentConflictException("AutoroutePart.Path", $"The path '{taken.Path}' is already used by published item '{taken.ContentItemId}'.")
                {
                    ItemIndex = claimed[taken.Path],
                };
            }
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
        }).ToList();

        // Written with multi-row INSERTs rather than through the change tracker: this is the path large imports take.
        var ids = await bulk.InsertAsync(
            "ContentItems",
            ["ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Data", "ConcurrencyStamp", "ScheduledPublishUtc"],
            [.. added.Select(i => new object?[]
            {
                i.ContentItemId, i.ContentItemVersionId, i.ContentType, i.DisplayText, i.Latest, i.Published, i.Owner, i.Author,
                i.CreatedUtc, i.ModifiedUtc, i.PublishedUtc, i.Content.ToJsonString(ContentJson.Options), i.ConcurrencyStamp,
                i.Published ? null : PublishLaterPart.ScheduleOf(i),
            })],
            ["Id", "ContentItemVersionId"],
            cancellationToken);
        var idByVersion = ids.ToDictionary(r => (string)r[1], r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var item in added)
        {
            item.Id = idByVersion[item.ContentItemVersionId];
        }

        var entries = added.Select(ContentIndexer.Build).ToList();
        await bulk.InsertAsync(
            "RouteIndex", ["DocumentId", "Path", "ContentItemId", "ContainedContentItemId", "Published", "Latest"],
            [.. entries.SelectMany(e => e.Routes).Select(r => new object?[] { r.DocumentId, r.Path, r.ContentItemId, r.ContainedContentItemId, r.Published, r.Latest })],
            null, cancellationToken);
        await bulk.InsertAsync(
            "TaxonomyIndex", ["DocumentId", "ContentItemId", "ContentType", "ContentPart", "ContentField", "TaxonomyContentItemId", "TermContentItemId", "Published", "Latest"],
            [.. entries.SelectMany(e => e.TaxonomyLinks).Select(l => new object?[] { l.DocumentId, l.ContentItemId, l.ContentType, l.ContentPart, l.ContentField, l.TaxonomyContentItemId, l.TermContentItemId, l.Published, l.Latest })],
            null, cancellationToken);
        await bulk.InsertAsync(
            "TermIndex", ["DocumentId", "TaxonomyContentItemId", "TermContentItemId", "ParentTermContentItemId", "ContentType", "DisplayText", "Path", "Level", "Order", "Published", "Latest"],
            [.. entries.SelectMany(e => e.Terms).Select(t => new object?[] { t.DocumentId, t.TaxonomyContentItemId, t.TermContentItemId, t.ParentTermContentItemId, t.ContentType, t.DisplayText, t.Path, t.Level, t.Order, t.Published, t.Latest })],
            null, cancellationToken);
        await bulk.InsertAsync(
            "ContainedIndex", ["DocumentId", "ContentItemId", "ListContentItemId", "Order", "Published", "Latest"],
            [.. entries.SelectMany(e => e.Containment).Select(c => new object?[] { c.DocumentId, c.ContentItemId, c.ListContentItemId, c.Order, c.Published, c.Latest })],
            null, cancellationToken);
        await bulk.InsertAsync(
            "SearchIndex", ["DocumentId", "Title", "Body"],
            [.. added.Where(SearchText.IsSearchable).Select(i => new object?[] { i.Id, SearchText.Title(i), searchText.Body(i) })],
            null, cancellationToken);
    }
}

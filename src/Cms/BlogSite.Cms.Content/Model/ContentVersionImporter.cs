using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Model;

/// Orchard Core's import rules: the same version is updated, a new version of a known item becomes its latest (and
/// published) version, an unknown item is created, and importing what is stored changes nothing. Items are applied in
/// order, so a later copy of an item builds on an earlier one, but a whole batch costs one read of the stored
/// versions, one bulk write and one rewrite of index rows: re-importing a changed export of every post takes the same
/// few statements per batch as importing it new. Versions are read and written without the change tracker (its
/// snapshots and comparisons of every version's JSON cost more than the writes); each UPDATE still holds only while
/// the version's concurrency stamp is the one read, as the tracker's would.
public sealed class ContentVersionImporter(
    CmsDbContext db, TimeProvider clock, ContentIndexWriter indexWriter, RouteAvailability routes, RouteHistoryKeeper history, HomeRoute home,
    BulkInserter inserter, BulkUpdater updater, SiteChangeInterceptor changes)
{
    private const int ChunkSize = 500;

    private const string SavepointName = "ContentImport";

    /// What an import may change in a stored version whose content it writes; the rest (review, autosave, restore
    /// marks) stays as the editor left it.
    private static readonly string[] ContentColumns =
    [
        nameof(ContentItem.ContentType), nameof(ContentItem.DisplayText), nameof(ContentItem.Latest), nameof(ContentItem.Published),
        nameof(ContentItem.Owner), nameof(ContentItem.Author), nameof(ContentItem.CreatedUtc), nameof(ContentItem.ModifiedUtc),
        nameof(ContentItem.PublishedUtc), nameof(ContentItem.Content), nameof(ContentItem.ScheduledPublishUtc), nameof(ContentItem.WentLiveUtc),
        nameof(ContentItem.ConcurrencyStamp),
    ];

    /// What changes in a version another one replaces.
    private static readonly string[] FlagColumns =
        [nameof(ContentItem.Latest), nameof(ContentItem.Published), nameof(ContentItem.WentLiveUtc), nameof(ContentItem.ConcurrencyStamp)];

    public async Task<ImportOutcome> ImportAsync(ContentItem incoming, CancellationToken cancellationToken = default) =>
        (await ImportAsync([incoming], basedOn: null, cancellationToken))[0];

    /// Imports <paramref name="incoming"/> only if its item's latest version is still the one with
    /// <paramref name="basedOnStamp"/>, the version the change was made on; otherwise nothing is written and
    /// <see cref="DbUpdateConcurrencyException"/> is thrown.
    public async Task<ImportOutcome> ImportOverAsync(ContentItem incoming, string basedOnStamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return (await ImportAsync([incoming], (incoming.ContentItemId, basedOnStamp), cancellationToken))[0];
    }

    /// A conflict names the item's index in <paramref name="items"/>, and nothing of the batch is saved.
    public Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default) =>
        ImportAsync(items, basedOn: null, cancellationToken);

    private async Task<IReadOnlyList<ImportOutcome>> ImportAsync(
        IReadOnlyList<ContentItem> items, (string ItemId, string Stamp)? basedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var stored = await StoredVersionsAsync(items, cancellationToken);
        if (basedOn is var (itemId, stamp) && stored.Of(itemId).Find(v => v.Latest)?.ConcurrencyStamp != stamp)
        {
            throw new DbUpdateConcurrencyException($"Item '{itemId}' was saved by someone else after the change was made.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new Batch(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            batch.Outcomes[i] = Apply(items[i], i, stored, batch, now);
        }

        await RefuseTakenPathsAsync(stored, batch.LastChange, cancellationToken);
        if (batch.Targets.Count == 0)
        {
            return batch.Outcomes;
        }

        if (own is not null || basedOn is null)
        {
            // A failure fails the whole transaction, this import's own or the caller's (a recipe's import is all or
            // nothing), so no savepoint: on SQLite one makes every page the batch touches be copied to a journal file.
            await WriteAsync(stored, batch, now, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return batch.Outcomes;
        }

        // A change made over a known version is tried again, in the same transaction, when the version was saved
        // meanwhile, so a batch that fails halfway takes back what it wrote and the next try sees what is really stored.
        var caller = db.Database.CurrentTransaction!;
        await caller.CreateSavepointAsync(SavepointName, cancellationToken);
        try
        {
            await WriteAsync(stored, batch, now, cancellationToken);
        }
        catch (Exception)
        {
            await caller.RollbackToSavepointAsync(SavepointName, CancellationToken.None);
            throw;
        }

        await caller.ReleaseSavepointAsync(SavepointName, cancellationToken);
        return batch.Outcomes;
    }

    private async Task WriteAsync(StoredVersions stored, Batch batch, DateTime now, CancellationToken cancellationToken)
    {
        // One move per item, from what was live before the batch to what is live after it, so a path readers saw is
        // remembered even when several copies of the item passed through others.
        var moves = batch.LiveBefore
            .Select(before => (Before: before.Value, After: stored.Of(before.Key).Find(v => v.Published)))
            .Where(m => m.After is not null)
            .Select(m => (m.Before, m.After!))
            .ToList();
        await history.RememberAsync(moves, now, cancellationToken);
        // A version this batch wrote and then replaced is written as it ends up; the others replaced only changed flags.
        var written = batch.Targets.Distinct().ToList();
        var added = written.Where(v => v.Id == 0).ToList();
        var rewritten = written.Where(v => v.Id != 0).ToList();
        var flagged = batch.Flagged.Distinct().Except(written).ToList();
        await SaveAsync(stored, added, rewritten, flagged, cancellationToken);
        await indexWriter.WriteAsync(added, fresh: true, cancellationToken);
        await indexWriter.WriteAsync(rewritten, fresh: false, cancellationToken);
        await indexWriter.WriteFlagsAsync(flagged, cancellationToken);
        await home.TakeFromAsync(batch.LiveCopies, cancellationToken);
    }

    /// Writes the batch's versions: new ones inserted, stored ones updated only while their stamps are the ones read
    /// (a version saved meanwhile fails the batch), and the route history the context holds saved with them.
    private async Task SaveAsync(
        StoredVersions stored, List<ContentItem> added, List<ContentItem> rewritten, List<ContentItem> flagged, CancellationToken cancellationToken)
    {
        foreach (var version in added)
        {
            version.MarkWentLive(wasLive: false);
        }

        foreach (var version in rewritten.Concat(flagged))
        {
            version.MarkWentLive(wasLive: stored.AsRead(version).Published);
        }

        await inserter.InsertAsync(added, readKeysBy: nameof(ContentItem.ContentItemVersionId), cancellationToken);
        await updater.UpdateAsync([.. rewritten.Select(v => (v, (object)stored.AsRead(v).ConcurrencyStamp))], ContentColumns, cancellationToken);
        await updater.UpdateAsync([.. flagged.Select(v => (v, (object)stored.AsRead(v).ConcurrencyStamp))], FlagColumns, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await changes.AddAsync(
            () => ChangedContent.TagsOf(added.Select(v => ((ContentItem?)null, (ContentItem?)v))
                .Concat(rewritten.Concat(flagged).Select(v => ((ContentItem?)stored.AsRead(v), (ContentItem?)v)))),
            db,
            cancellationToken);
    }

    private static ImportOutcome Apply(ContentItem incoming, int index, StoredVersions stored, Batch batch, DateTime now)
    {
        var versions = stored.Of(incoming.ContentItemId);
        var existing = incoming.ContentItemVersionId.Length > 0 ? stored.Version(incoming.ContentItemVersionId) : null;
        if (existing is not null && existing.ContentItemId != incoming.ContentItemId)
        {
            throw new ContentConflictException(
                "ContentItemVersionId",
                $"Version '{incoming.ContentItemVersionId}' belongs to item '{existing.ContentItemId}', not '{incoming.ContentItemId}'.") { ItemIndex = index };
        }

        var newVersion = existing is null && incoming.ContentItemVersionId.Length > 0;
        existing ??= newVersion ? null : versions.FindLast(v => v.Latest) ?? versions.LastOrDefault();
        if (existing is not null && SameAs(existing, incoming))
        {
            return ImportOutcome.Unchanged;
        }

        if (incoming.Published)
        {
            ContentStore.RefuseRepeatedPaths(incoming, index);
        }

        if (!batch.LiveBefore.ContainsKey(incoming.ContentItemId))
        {
            batch.LiveBefore[incoming.ContentItemId] = versions.Find(v => v.Published) is { } live ? LiveCopy(live) : null;
        }

        var target = existing ?? new ContentItem
        {
            ContentItemId = incoming.ContentItemId,
            ContentItemVersionId = incoming.ContentItemVersionId.Length > 0 ? incoming.ContentItemVersionId : ContentItemIdGenerator.NewId(),
            CreatedUtc = incoming.CreatedUtc ?? now,
        };
        var siblings = versions.Where(v => v != target && (v.Latest || v.Published)).ToList();
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
            stored.Add(target);
        }

        if (target.Published)
        {
            // The home page goes to the last copy that asks for it, even if a later copy of the same version does not.
            batch.LiveCopies.Add(LiveCopy(target));
        }

        batch.Flagged.AddRange(siblings);
        batch.Targets.Add(target);
        batch.LastChange[incoming.ContentItemId] = index;
        // A new version of an item the site already has is an update of that item, not a new item.
        return existing is null && siblings.Count == 0 ? ImportOutcome.Created : ImportOutcome.Updated;
    }

    /// A published version's content as it is now: the batch may rewrite the version itself later.
    private static ContentItem LiveCopy(ContentItem version) =>
        new() { ContentItemId = version.ContentItemId, ContentType = version.ContentType, Published = true, Content = version.Content };

    /// The stored versions the rules look at: each item's latest and published
    /// versions, any version the items name, and for an item with neither its newest version. Older versions, which
    /// a site that keeps history has many of, are not read.
    private async Task<StoredVersions> StoredVersionsAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        var found = new List<ContentItem>();
        var ids = items.Select(i => i.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            found.AddRange(await db.ContentItems.AsNoTracking().Where(x => chunk.Contains(x.ContentItemId) && (x.Latest || x.Published)).ToListAsync(cancellationToken));
        }

        var versionIds = items.Where(i => i.ContentItemVersionId.Length > 0).Select(i => i.ContentItemVersionId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in versionIds.Chunk(ChunkSize))
        {
            // Including a version id of another item, which the import refuses.
            found.AddRange(await db.ContentItems.AsNoTracking().Where(x => chunk.Contains(x.ContentItemVersionId)).ToListAsync(cancellationToken));
        }

        var withLatest = found.Where(v => v.Latest).Select(v => v.ContentItemId).ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in ids.Where(id => !withLatest.Contains(id)).Chunk(ChunkSize))
        {
            var newest = await db.ContentItems.AsNoTracking().Where(x => chunk.Contains(x.ContentItemId)).GroupBy(x => x.ContentItemId).Select(g => g.Max(x => x.Id)).ToListAsync(cancellationToken);
            if (newest.Count > 0)
            {
                found.AddRange(await db.ContentItems.AsNoTracking().Where(x => newest.Contains(x.Id)).ToListAsync(cancellationToken));
            }
        }

        // A version can come back from two of the reads.
        return new StoredVersions([.. found.DistinctBy(v => v.Id)]);
    }

    /// A path stays with one published item: the items changed here, as they end up, may not share one, nor take one
    /// that an item not changed here holds. A conflict names the last item of the batch that changed the claimant.
    private async Task RefuseTakenPathsAsync(StoredVersions stored, Dictionary<string, int> lastChange, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var live in lastChange.Keys.Select(id => stored.Of(id).Find(v => v.Published)).OfType<ContentItem>())
        {
            foreach (var route in ContentIndexer.Build(live).Routes)
            {
                if (claims.TryGetValue(route.Path, out var other) && other != live.ContentItemId)
                {
                    throw new ContentConflictException(ContentStore.PathProperty, $"The path '{route.Path}' is used by two items of this import.")
                    {
                        ItemIndex = Math.Max(lastChange[other], lastChange[live.ContentItemId]),
                    };
                }

                claims[route.Path] = live.ContentItemId;
            }
        }

        foreach (var taken in await routes.FindHoldersAsync(claims.Keys, cancellationToken))
        {
            var claimant = claims[taken.Path];
            if (taken.ContentItemId != claimant && !lastChange.ContainsKey(taken.ContentItemId))
            {
                throw new ContentConflictException(ContentStore.PathProperty, taken.Message) { ItemIndex = lastChange[claimant] };
            }
        }
    }

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

    /// The stored versions by item, oldest first (versions added by this batch last), and by version id; and each
    /// stored version as it was read, before the batch changed it.
    private sealed class StoredVersions(List<ContentItem> found)
    {
        private readonly Dictionary<long, ContentItem> asRead = found.ToDictionary(v => v.Id, v => new ContentItem
        {
            ContentItemId = v.ContentItemId,
            ContentType = v.ContentType,
            Published = v.Published,
            PublishedUtc = v.PublishedUtc,
            Owner = v.Owner,
            // The batch replaces a version's content object rather than changing it.
            Content = v.Content,
            ConcurrencyStamp = v.ConcurrencyStamp,
        });

        private readonly Dictionary<string, List<ContentItem>> byItem = found.OrderBy(v => v.Id)
            .GroupBy(v => v.ContentItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        private readonly Dictionary<string, ContentItem> byVersion = found.ToDictionary(v => v.ContentItemVersionId, StringComparer.Ordinal);

        public List<ContentItem> Of(string contentItemId) => byItem.TryGetValue(contentItemId, out var versions) ? versions : [];

        public ContentItem? Version(string contentItemVersionId) => byVersion.GetValueOrDefault(contentItemVersionId);

        public ContentItem AsRead(ContentItem version) => asRead[version.Id];

        public void Add(ContentItem version)
        {
            if (!byItem.TryGetValue(version.ContentItemId, out var versions))
            {
                byItem[version.ContentItemId] = versions = [];
            }

            versions.Add(version);
            byVersion[version.ContentItemVersionId] = version;
        }
    }

    /// What applying a batch's items has done so far.
    private sealed class Batch(int count)
    {
        public ImportOutcome[] Outcomes { get; } = new ImportOutcome[count];

        /// Versions whose content was written, in order (a version written twice appears twice).
        public List<ContentItem> Targets { get; } = [];

        /// Versions a new one replaced, whose flags changed.
        public List<ContentItem> Flagged { get; } = [];

        /// Each changed item's published version before the batch (null when it had none), as it was then.
        public Dictionary<string, ContentItem?> LiveBefore { get; } = new(StringComparer.Ordinal);

        /// Each published copy as it was applied, for the home page.
        public List<ContentItem> LiveCopies { get; } = [];

        /// The index of the last item that changed each item.
        public Dictionary<string, int> LastChange { get; } = new(StringComparer.Ordinal);
    }
}

using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Search;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Model;

/// Reads and writes content versions and keeps their index rows in step. Writes join the caller's transaction.
public sealed class ContentStore(CmsDbContext db, TimeProvider clock, IFullTextIndex search, MarkdownRenderer markdown, BulkInserter bulk)
{
    public Task<ContentItem?> GetPublishedAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Published, cancellationToken);

    public Task<ContentItem?> GetLatestAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Latest, cancellationToken);

    /// Orchard Core's import rules: the same version is updated, a new version of a known item becomes its latest
    /// (and published) version, an unknown item is created. Importing what is already stored changes nothing.
    public async Task<ImportOutcome> ImportAsync(ContentItem incoming, CancellationToken cancellationToken = default)
    {
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
            sibling.ConcurrencyStamp = Guid.NewGuid().ToString("N");
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
        target.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (existing is null)
        {
            db.ContentItems.Add(target);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var version in siblings.Append(target))
        {
            await ReindexAsync(version, cancellationToken);
        }

        // A new version of an item the site already has is an update of that item, not a new item.
        return existing is null && siblings.Count == 0 ? ImportOutcome.Created : ImportOutcome.Updated;
    }

    /// Many items at once. Items the site does not have yet are added together, a few statements per batch; items it
    /// has go through <see cref="ImportAsync"/> one by one. A conflict names the item's index in the batch.
    public async Task<IReadOnlyList<ImportOutcome>> ImportBatchAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default)
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
                outcomes[i] = await ImportAsync(items[i], cancellationToken);
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
            ["ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Data", "ConcurrencyStamp"],
            [.. added.Select(i => new object?[]
            {
                i.ContentItemId, i.ContentItemVersionId, i.ContentType, i.DisplayText, i.Latest, i.Published, i.Owner, i.Author,
                i.CreatedUtc, i.ModifiedUtc, i.PublishedUtc, i.Content.ToJsonString(ContentJson.Options), i.ConcurrencyStamp,
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
            [.. added.Where(Searchable).Select(i => new object?[] { i.Id, Title(i), BodyText(i) })],
            null, cancellationToken);
    }

    private async Task ReindexAsync(ContentItem item, CancellationToken cancellationToken)
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
        var searchable = Searchable(item);
        await search.IndexAsync(item.Id, searchable ? Title(item) : null, searchable ? BodyText(item) : "", cancellationToken);
    }

    /// Paths a published item gives up are remembered, so old links answer with a redirect; a path that is live
    /// again is forgotten.
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
            if (stillRouted && !await db.RouteHistory.AnyAsync(h => h.Path == old.Path, cancellationToken))
            {
                db.RouteHistory.Add(new RouteHistoryIndex
                {
                    Path = old.Path, ContentItemId = old.ContentItemId, ContainedContentItemId = old.ContainedContentItemId, ChangedUtc = now,
                });
            }
        }
    }

    /// Readers search what they can read: published items with a body, not containers or taxonomies.
    private static bool Searchable(ContentItem item) =>
        item.Published && item.Content["ListPart"] is null && item.Content["TaxonomyPart"] is null;

    private static string Title(ContentItem item) =>
        item.Content["TitlePart"]?["Title"] is JsonValue title && title.TryGetValue<string>(out var text) ? text : item.DisplayText;

    private string BodyText(ContentItem item) =>
        item.Content["MarkdownBodyPart"]?["Markdown"] is JsonValue md && md.TryGetValue<string>(out var markdownText)
            ? markdown.ToPlainText(markdownText)
            : item.Content["HtmlBodyPart"]?["Html"] is JsonValue html && html.TryGetValue<string>(out var htmlText)
                ? MarkdownRenderer.HtmlToPlainText(htmlText)
                : "";

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
            throw new ContentConflictException("AutoroutePart.Path", $"The path '{duplicate.Key}' is used twice by this item.");
        }

        var taken = await db.Routes
            .Where(r => r.Published && paths.Contains(r.Path) && r.ContentItemId != incoming.ContentItemId)
            .Select(r => new { r.Path, r.ContentItemId })
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw new ContentConflictException(
                "AutoroutePart.Path",
                $"The path '{taken.Path}' is already used by published item '{taken.ContentItemId}'.");
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
}

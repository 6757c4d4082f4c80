using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using Microsoft.AspNetCore.Identity;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BlogSite.Cms.Content.Caching;

/// Reads the change tracker before a save and says which public pages the save makes stale. Drafts change nothing
/// readers see; an edit of a live item stales the pages that show it; publishing, unpublishing, deleting, or changing a
/// live item's date, terms or container stales its type's lists; taxonomies, menus, settings and roles stale every page.
public static class ChangedContent
{
    public static IReadOnlySet<string> TagsOf(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        // A new live version and the one it replaces arrive as two entries, so both sides are collected first.
        var gained = new Dictionary<string, (string Type, string Key)>(StringComparer.Ordinal);
        var lost = new Dictionary<string, (string Type, string Key)>(StringComparer.Ordinal);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ContentItem item:
                    AddItem(entry, item, tags, gained, lost);
                    break;
                case CmsUser user when ChangesByline(entry):
                    tags.Add(CacheTags.User(user.Id));
                    break;
                case DocumentRecord:
                case IdentityRoleClaim<string>:
                case IdentityRole<string>:
                    tags.Add(CacheTags.Site);
                    break;
            }
        }

        foreach (var (id, (type, _)) in gained.Concat(lost))
        {
            // A new live version that lists the same way as the one it replaces changes no list.
            if (!gained.TryGetValue(id, out var now) || !lost.TryGetValue(id, out var then) || now.Key != then.Key)
            {
                tags.Add(CacheTags.Type(type));
            }
        }

        return tags;
    }

    /// What a byline shows: sign-ins also write the user (stamps, failed attempts), and those must not churn the caches.
    private static bool ChangesByline(EntityEntry entry) =>
        entry.State != EntityState.Modified
        || entry.Properties.Any(p => p.IsModified && p.Metadata.Name is nameof(CmsUser.UserName) or nameof(CmsUser.DisplayName) or nameof(CmsUser.Bio) or nameof(CmsUser.AvatarId));

    /// Tags for live items written without the change tracker (bulk imports).
    public static IReadOnlySet<string> TagsOfAdded(IEnumerable<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Published))
        {
            if (IsSiteWide(item.Content))
            {
                tags.Add(CacheTags.Site);
                continue;
            }

            tags.Add(CacheTags.Published);
            tags.Add(CacheTags.Item(item.ContentItemId));
            tags.Add(CacheTags.Type(item.ContentType));
        }

        return tags;
    }

    private static void AddItem(
        EntityEntry entry, ContentItem item, HashSet<string> tags,
        Dictionary<string, (string Type, string Key)> gained, Dictionary<string, (string Type, string Key)> lost)
    {
        var original = entry.State == EntityState.Added ? null : entry.OriginalValues;
        var wasPublished = original is not null && original.GetValue<bool>(nameof(ContentItem.Published));
        var isPublished = entry.State != EntityState.Deleted && item.Published;
        if (!wasPublished && !isPublished)
        {
            return;
        }

        var originalContent = original?.GetValue<JsonObject>(nameof(ContentItem.Content)) ?? item.Content;
        if (IsSiteWide(item.Content) || IsSiteWide(originalContent))
        {
            tags.Add(CacheTags.Site);
            return;
        }

        tags.Add(CacheTags.Published);
        tags.Add(CacheTags.Item(item.ContentItemId));
        var before = wasPublished
            ? ListingKey(original!.GetValue<DateTime?>(nameof(ContentItem.PublishedUtc)), original.GetValue<string?>(nameof(ContentItem.Owner)), originalContent)
            : null;
        var after = isPublished ? ListingKey(item.PublishedUtc, item.Owner, item.Content) : null;
        if (before is not null && after is not null)
        {
            if (before != after)
            {
                tags.Add(CacheTags.Type(item.ContentType));
            }
        }
        else if (after is not null)
        {
            gained[item.ContentItemId] = (item.ContentType, after);
        }
        else
        {
            lost[item.ContentItemId] = (item.ContentType, before!);
        }
    }

    /// What decides where an item appears in lists and where links to it point: its date, terms, container and paths.
    // The owner is part of it: author pages list a person's posts, and their counts are list facts too.
    private static string ListingKey(DateTime? publishedUtc, string? owner, JsonObject content)
    {
        var entries = ContentIndexer.Build(new ContentItem { Content = content, Published = true });
        var terms = string.Join(",", entries.TaxonomyLinks.Select(l => l.TermContentItemId).Order(StringComparer.Ordinal));
        var containers = string.Join(",", entries.Containment.Select(c => c.ListContentItemId).Order(StringComparer.Ordinal));
        var paths = string.Join(",", entries.Routes.Select(r => r.Path).Order(StringComparer.Ordinal));
        return $"{publishedUtc:O}|{owner}|{terms}|{containers}|{paths}";
    }

    private static bool IsSiteWide(JsonObject content) =>
        content.ContainsKey(nameof(TaxonomyPart)) || content.ContainsKey("MenuItemsListPart") || content.ContainsKey("MenuPart");
}

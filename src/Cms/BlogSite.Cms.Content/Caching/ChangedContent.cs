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
        var versions = new List<(ContentItem? Before, ContentItem? After)>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ContentItem item:
                    versions.Add((entry.State == EntityState.Added ? null : AsStored(entry, item), entry.State == EntityState.Deleted ? null : item));
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

        tags.UnionWith(TagsOf(versions));
        return tags;
    }

    /// Tags for versions written without the change tracker (imports): each as it was stored before (null when it is
    /// new) and as it is now (null when it is deleted).
    public static IReadOnlySet<string> TagsOf(IEnumerable<(ContentItem? Before, ContentItem? After)> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        // A new live version and the one it replaces arrive as two versions, so both sides are collected first.
        var gained = new Dictionary<string, (string Type, string Key)>(StringComparer.Ordinal);
        var lost = new Dictionary<string, (string Type, string Key)>(StringComparer.Ordinal);
        foreach (var (before, after) in versions)
        {
            AddVersion(before, after, tags, gained, lost);
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

    /// The version as the database still has it: what readers see until the save.
    private static ContentItem AsStored(EntityEntry entry, ContentItem item) => new()
    {
        ContentItemId = item.ContentItemId,
        ContentType = item.ContentType,
        Published = entry.OriginalValues.GetValue<bool>(nameof(ContentItem.Published)),
        PublishedUtc = entry.OriginalValues.GetValue<DateTime?>(nameof(ContentItem.PublishedUtc)),
        Owner = entry.OriginalValues.GetValue<string?>(nameof(ContentItem.Owner)),
        Content = entry.OriginalValues.GetValue<JsonObject>(nameof(ContentItem.Content)),
    };

    private static void AddVersion(
        ContentItem? before, ContentItem? after, HashSet<string> tags,
        Dictionary<string, (string Type, string Key)> gained, Dictionary<string, (string Type, string Key)> lost)
    {
        var item = after ?? before!;
        var wasPublished = before is { Published: true };
        var isPublished = after is { Published: true };
        if (!wasPublished && !isPublished)
        {
            return;
        }

        if (IsSiteWide(item.Content) || (before is not null && IsSiteWide(before.Content)))
        {
            tags.Add(CacheTags.Site);
            return;
        }

        tags.Add(CacheTags.Published);
        tags.Add(CacheTags.Item(item.ContentItemId));
        var then = wasPublished ? ListingKey(before!.PublishedUtc, before.Owner, before.Content) : null;
        var now = isPublished ? ListingKey(after!.PublishedUtc, after.Owner, after.Content) : null;
        if (then is not null && now is not null)
        {
            if (then != now)
            {
                tags.Add(CacheTags.Type(item.ContentType));
            }
        }
        else if (now is not null)
        {
            gained[item.ContentItemId] = (item.ContentType, now);
        }
        else
        {
            lost[item.ContentItemId] = (item.ContentType, then!);
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

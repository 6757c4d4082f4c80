using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BlogSite.Cms.Content.Storage;

/// The one store: content versions, their index tables, site documents, and Identity's users and roles, so a recipe
/// that touches all of them commits or rolls back as one transaction. Each provider has a subclass with its migrations.
public abstract class CmsDbContext(DbContextOptions options) : IdentityDbContext<CmsUser, CmsRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();

    public DbSet<RouteIndex> Routes => Set<RouteIndex>();

    public DbSet<TaxonomyIndex> TaxonomyLinks => Set<TaxonomyIndex>();

    public DbSet<TermIndex> Terms => Set<TermIndex>();

    public DbSet<ContainedIndex> Containment => Set<ContainedIndex>();

    public DbSet<RouteHistoryIndex> RouteHistory => Set<RouteHistoryIndex>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<UserAvatar> UserAvatars => Set<UserAvatar>();

    /// The keys that sign cookies and antiforgery tokens, shared by every node of the site and by no other site.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Both engines read a bare boolean column as a condition, and SQLite uses a partial index only when a query's WHERE
    // holds the same term, which is how EF Core writes `x.Published`.
    private const string PublishedOnly = "\"Published\"";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<CmsUser>(user =>
        {
            user.Property(x => x.DisplayName).HasMaxLength(100);
            user.Property(x => x.Bio).HasMaxLength(2000);
            user.Property(x => x.AvatarId).HasMaxLength(32);
        });

        builder.Entity<UserAvatar>(avatar =>
        {
            avatar.ToTable("UserAvatars");
            avatar.Property(x => x.Id).HasMaxLength(32);
        });

        builder.Entity<ContentItem>(item =>
        {
            item.ToTable("ContentItems");
            item.Property(x => x.ContentItemId).HasMaxLength(26);
            item.Property(x => x.ContentItemVersionId).HasMaxLength(26);
            item.Property(x => x.ContentType).HasMaxLength(255);
            item.Property(x => x.Owner).HasMaxLength(255);
            item.Property(x => x.Author).HasMaxLength(255);
            item.Property(x => x.ConcurrencyStamp).IsConcurrencyToken().HasMaxLength(32);
            item.Property(x => x.Content)
                .HasColumnName("Data")
                .HasConversion(
                    json => json.ToJsonString(ContentJson.Options),
                    text => JsonNode.Parse(text, null, default)!.AsObject(),
                    new ValueComparer<JsonObject>(
                        (a, b) => JsonNode.DeepEquals(a, b),
                        json => json.ToJsonString(ContentJson.Options).GetHashCode(StringComparison.Ordinal),
                        json => json.DeepClone().AsObject()));
            item.HasIndex(x => x.ContentItemVersionId).IsUnique();
            item.HasIndex(x => new { x.ContentItemId, x.Latest, x.Published });
            item.HasIndex(x => new { x.ContentType, x.Published, x.PublishedUtc });
            item.HasIndex(x => new { x.Latest, x.Published, x.ScheduledPublishUtc });
            // Readers' lists: published items of a type, newest first, read straight off this partial index.
            item.HasIndex(x => new { x.ContentType, x.PublishedUtc, x.Id }, "IX_ContentItems_Live_ContentType_PublishedUtc").HasFilter(PublishedOnly);
            // Author pages: one person's published items of a type, newest first.
            item.HasIndex(x => new { x.Owner, x.ContentType, x.PublishedUtc, x.Id }, "IX_ContentItems_Live_Owner_PublishedUtc").HasFilter(PublishedOnly);
        });

        builder.Entity<RouteIndex>(route =>
        {
            route.ToTable("RouteIndex");
            route.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            route.HasIndex(x => new { x.Path, x.Published });
            route.HasIndex(x => x.ContentItemId);
        });

        builder.Entity<TaxonomyIndex>(link =>
        {
            link.ToTable("TaxonomyIndex");
            link.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            // Carries the content type so counting published posts per term reads this index alone: a table lookup per
            // link made that count take a second at 100,000 posts, after every change and on the first page after a start.
            link.HasIndex(x => new { x.TermContentItemId, x.Published, x.ContentType });
            link.HasIndex(x => x.ContentItemId);
            link.HasIndex(x => new { x.TermContentItemId, x.ContentType, x.PublishedUtc, x.DocumentId }, "IX_TaxonomyIndex_Live_Term_PublishedUtc").HasFilter(PublishedOnly);
        });

        builder.Entity<TermIndex>(term =>
        {
            term.ToTable("TermIndex");
            term.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            term.HasIndex(x => new { x.TaxonomyContentItemId, x.Published });
            term.HasIndex(x => new { x.TermContentItemId, x.Published });
        });

        builder.Entity<ContainedIndex>(contained =>
        {
            contained.ToTable("ContainedIndex");
            contained.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            contained.HasIndex(x => new { x.ListContentItemId, x.Published });
            contained.HasIndex(x => new { x.ListContentItemId, x.PublishedUtc, x.DocumentId }, "IX_ContainedIndex_Live_List_PublishedUtc").HasFilter(PublishedOnly);
        });

        builder.Entity<RouteHistoryIndex>(history =>
        {
            history.ToTable("RouteHistoryIndex");
            history.HasIndex(x => x.Path).IsUnique();
        });

        builder.Entity<DocumentRecord>(document =>
        {
            document.ToTable("Documents");
            document.HasKey(x => x.Key);
            document.Property(x => x.Key).HasMaxLength(255);
        });
    }

    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        value => value.HasValue ? (value.Value.Kind == DateTimeKind.Utc ? value : value.Value.ToUniversalTime()) : value,
        value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : value);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MarkVersionsThatWentLive();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MarkVersionsThatWentLive();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every way a version goes live (publishing, imports, live saves of structural items) or stops being live passes
    // here or through the bulk import, so the version history can mark each version readers once saw.
    private void MarkVersionsThatWentLive()
    {
        foreach (var entry in ChangeTracker.Entries<ContentItem>())
        {
            entry.Entity.MarkWentLive(wasLive: entry.State == EntityState.Modified && entry.Property(x => x.Published).OriginalValue);
        }
    }
}

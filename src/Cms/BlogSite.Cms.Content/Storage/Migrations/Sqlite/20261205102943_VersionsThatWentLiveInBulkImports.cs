using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VersionsThatWentLiveInBulkImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Live versions written by the bulk import before it marked them: ContentItem.MarkWentLive's rule.
            migrationBuilder.Sql("""
                UPDATE "ContentItems"
                SET "WentLiveUtc" = CASE WHEN "PublishedUtc" > "ModifiedUtc" THEN "PublishedUtc" ELSE COALESCE("ModifiedUtc", "PublishedUtc") END
                WHERE "Published" AND "WentLiveUtc" IS NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The marks stay: they are what the site would have written.
        }
    }
}

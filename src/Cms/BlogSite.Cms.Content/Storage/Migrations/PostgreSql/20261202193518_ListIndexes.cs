using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedUtc",
                table: "TaxonomyIndex",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedUtc",
                table: "ContainedIndex",
                type: "timestamp with time zone",
                nullable: true);

            // Rows indexed before this migration take their item's publication time.
            migrationBuilder.Sql("""UPDATE "TaxonomyIndex" SET "PublishedUtc" = (SELECT c."PublishedUtc" FROM "ContentItems" c WHERE c."Id" = "TaxonomyIndex"."DocumentId");""");
            migrationBuilder.Sql("""UPDATE "ContainedIndex" SET "PublishedUtc" = (SELECT c."PublishedUtc" FROM "ContentItems" c WHERE c."Id" = "ContainedIndex"."DocumentId");""");

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyIndex_Live_Term_PublishedUtc",
                table: "TaxonomyIndex",
                columns: new[] { "TermContentItemId", "ContentType", "PublishedUtc", "DocumentId" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Live_ContentType_PublishedUtc",
                table: "ContentItems",
                columns: new[] { "ContentType", "PublishedUtc", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContainedIndex_Live_List_PublishedUtc",
                table: "ContainedIndex",
                columns: new[] { "ListContentItemId", "PublishedUtc", "DocumentId" },
                filter: "\"Published\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaxonomyIndex_Live_Term_PublishedUtc",
                table: "TaxonomyIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Live_ContentType_PublishedUtc",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContainedIndex_Live_List_PublishedUtc",
                table: "ContainedIndex");

            migrationBuilder.DropColumn(
                name: "PublishedUtc",
                table: "TaxonomyIndex");

            migrationBuilder.DropColumn(
                name: "PublishedUtc",
                table: "ContainedIndex");
        }
    }
}

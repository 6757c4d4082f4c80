using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReaderFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (FTS5): maintained by ContentStore, queried by SqliteFullTextIndex.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchIndex" USING fts5("DocumentId" UNINDEXED, "Title", "Body", tokenize = 'porter unicode61');""");

            migrationBuilder.CreateTable(
                name: "RouteHistoryIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", nullable: false),
                    ContainedContentItemId = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RouteHistoryIndex", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RouteHistoryIndex_Path",
                table: "RouteHistoryIndex",
                column: "Path",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "SearchIndex";""");

            migrationBuilder.DropTable(
                name: "RouteHistoryIndex");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReaderFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (tsvector + GIN): maintained by ContentStore, queried by PostgreSqlFullTextIndex.
            migrationBuilder.Sql("""
                CREATE TABLE "SearchIndex" (
                    "DocumentId" bigint PRIMARY KEY REFERENCES "ContentItems" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL,
                    "Body" text NOT NULL,
                    "Vector" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', "Title"), 'A') || setweight(to_tsvector('english', "Body"), 'B')) STORED);
                CREATE INDEX "IX_SearchIndex_Vector" ON "SearchIndex" USING GIN ("Vector");
                """);

            migrationBuilder.CreateTable(
                name: "RouteHistoryIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "text", nullable: false),
                    ContentItemId = table.Column<string>(type: "text", nullable: false),
                    ContainedContentItemId = table.Column<string>(type: "text", nullable: true),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

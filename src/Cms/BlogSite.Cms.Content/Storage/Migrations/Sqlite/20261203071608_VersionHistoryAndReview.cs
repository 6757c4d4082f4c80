using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VersionHistoryAndReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RestoredFromVersionId",
                table: "ContentItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "ContentItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewRequestedUtc",
                table: "ContentItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WentLiveUtc",
                table: "ContentItems",
                type: "TEXT",
                nullable: true);

            // Versions live before this column existed went live when their item was published.
            migrationBuilder.Sql("UPDATE \"ContentItems\" SET \"WentLiveUtc\" = \"PublishedUtc\" WHERE \"Published\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RestoredFromVersionId",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "ReviewRequestedUtc",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "WentLiveUtc",
                table: "ContentItems");
        }
    }
}

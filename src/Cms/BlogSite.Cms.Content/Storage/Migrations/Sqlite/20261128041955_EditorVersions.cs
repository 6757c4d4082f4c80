using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditorVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Autosaved",
                table: "ContentItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledPublishUtc",
                table: "ContentItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Latest_Published_ScheduledPublishUtc",
                table: "ContentItems",
                columns: new[] { "Latest", "Published", "ScheduledPublishUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Latest_Published_ScheduledPublishUtc",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "Autosaved",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "ScheduledPublishUtc",
                table: "ContentItems");
        }
    }
}

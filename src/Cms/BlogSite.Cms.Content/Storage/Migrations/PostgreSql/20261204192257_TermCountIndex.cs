using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TermCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaxonomyIndex_TermContentItemId_Published",
                table: "TaxonomyIndex");

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyIndex_TermContentItemId_Published_ContentType",
                table: "TaxonomyIndex",
                columns: new[] { "TermContentItemId", "Published", "ContentType" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaxonomyIndex_TermContentItemId_Published_ContentType",
                table: "TaxonomyIndex");

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyIndex_TermContentItemId_Published",
                table: "TaxonomyIndex",
                columns: new[] { "TermContentItemId", "Published" });
        }
    }
}

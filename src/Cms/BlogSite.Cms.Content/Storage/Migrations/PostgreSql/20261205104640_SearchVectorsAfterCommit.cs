using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchVectorsAfterCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The vector stops being a generated column, which every insert computed inside the writing transaction: a
            // recipe's large batches store rows without it and SearchVectorFiller computes it afterwards. The vectors the
            // site has stay, and so does their GIN index; the backlog gets an index of its own.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchIndex" ALTER COLUMN "Vector" DROP EXPRESSION;
                CREATE INDEX "IX_SearchIndex_Backlog" ON "SearchIndex" ("DocumentId") WHERE "Vector" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_SearchIndex_Backlog";
                ALTER TABLE "SearchIndex" DROP COLUMN "Vector";
                ALTER TABLE "SearchIndex" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', "Title"), 'A') || setweight(to_tsvector('english', "Body"), 'B')) STORED;
                CREATE INDEX "IX_SearchIndex_Vector" ON "SearchIndex" USING GIN ("Vector");
                """);
        }
    }
}

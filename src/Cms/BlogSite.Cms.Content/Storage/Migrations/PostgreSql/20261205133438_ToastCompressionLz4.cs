using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Cms.Content.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ToastCompressionLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The two large text columns, an item's JSON and the search text of its body, are compressed with lz4 instead of
            // pglz: pglz took a sixth of the server's time while an import rewrote 100,000 posts. Stored values stay as
            // they are, readable either way, until they are written again. A server without lz4 (before PostgreSQL 14,
            // or built without it) keeps pglz rather than refusing to start the site.
            migrationBuilder.Sql(WhereLz4Exists(
                """ALTER TABLE "ContentItems" ALTER COLUMN "Data" SET COMPRESSION lz4""",
                """ALTER TABLE "SearchIndex" ALTER COLUMN "Body" SET COMPRESSION lz4"""));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(WhereLz4Exists(
                """ALTER TABLE "ContentItems" ALTER COLUMN "Data" SET COMPRESSION default""",
                """ALTER TABLE "SearchIndex" ALTER COLUMN "Body" SET COMPRESSION default"""));
        }

        // EXECUTE, so a server older than PostgreSQL 14 never parses SET COMPRESSION.
        private static string WhereLz4Exists(params string[] statements) => $$"""
            DO $guard$
            BEGIN
                IF current_setting('server_version_num')::int >= 140000
                    AND EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
                    {{string.Concat(statements.Select(statement => $"EXECUTE '{statement}';\n"))}}
                END IF;
            END
            $guard$;
            """;
    }
}

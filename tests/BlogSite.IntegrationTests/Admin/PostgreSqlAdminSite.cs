using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Admin;

/// The admin site on a PostgreSQL database of its own, for the admin tests that must hold on both engines.
public sealed class PostgreSqlAdminSite : AdminSite
{
    protected override TestEngine Engine => TestEngine.PostgreSql;
}

using BlogSite.IntegrationTests.Admin;

namespace BlogSite.IntegrationTests.Setup;

/// In production the log holds what an operator acts on: EF Core speaks only of warnings, so pages and sign-ins do not
/// print their SQL.
public sealed class ProductionLoggingTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task PagesAndSignInsDoNotLogTheirSql()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();

        await reader.GetStringAsync("/");
        await reader.GetStringAsync("/search?q=sanctions");
        await admin.GetStringAsync("/admin/content");

        Assert.DoesNotContain(site.Factory.Logs, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Factory.Logs, line => line.Contains("SELECT ", StringComparison.Ordinal));
    }
}

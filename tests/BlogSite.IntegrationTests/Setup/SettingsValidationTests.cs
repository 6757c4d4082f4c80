using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Setup;

/// Settings are checked when the host starts: a wrong value stops it with a message that names the setting.
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("BlogSite:Media:MaxUploadBytes", "0")]
    [InlineData("BlogSite:Admin:SignInAttemptsPerMinute", "0")]
    [InlineData("BlogSite:Setup:AdminEmail", "not an address")]
    public async Task AWrongSettingStopsTheStartAndNamesIt(string key, string value)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new BlogSiteFactory(new Dictionary<string, string?>(database.Settings) { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(key, Messages(error), StringComparison.Ordinal);
    }

    private static string Messages(Exception? error) =>
        error is null ? "" : error.Message + Environment.NewLine + Messages(error.InnerException)
            + string.Concat((error as AggregateException)?.InnerExceptions.Select(Messages) ?? []);
}

using BlogSite.Cms.Content;
using Npgsql;

namespace BlogSite.UnitTests.Content.Storage;

/// Reader pages' statements are prepared on PostgreSQL unless the operator's connection string says how many.
public sealed class PostgreSqlConnectionStringTests
{
    [Fact]
    public void StatementsArePreparedWhenTheOperatorDidNotSay()
    {
        var built = new NpgsqlConnectionStringBuilder(CmsContentModule.PostgreSqlConnectionString("Host=127.0.0.1;Database=blog;Username=blog"));

        Assert.Equal(100, built.MaxAutoPrepare);
        Assert.Equal("blog", built.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;maxautoprepare=7", 7)]
    public void TheOperatorsChoiceIsKept(string connectionString, int prepared)
    {
        Assert.Equal(prepared, new NpgsqlConnectionStringBuilder(CmsContentModule.PostgreSqlConnectionString(connectionString)).MaxAutoPrepare);
    }
}

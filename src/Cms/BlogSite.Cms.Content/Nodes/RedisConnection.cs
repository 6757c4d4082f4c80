using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BlogSite.Cms.Content.Nodes;

/// The one connection a node keeps to Redis, made on first use and kept open (StackExchange.Redis reconnects by
/// itself when Redis comes back).
public sealed class RedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        // A node starts, and answers, while Redis is still coming up; its health check says so.
        configuration.AbortOnConnectFail = false;
        // While Redis is away a command fails at once instead of waiting for it: a reader gets a rendered page, not a wait.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.ConnectAsync(configuration);
    });

    public string Channel(string name) => $"{options.Value.ChannelPrefix}:{name}";

    public Task<ConnectionMultiplexer> GetAsync() => connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated)
        {
            await (await connection.Value).DisposeAsync();
        }
    }
}

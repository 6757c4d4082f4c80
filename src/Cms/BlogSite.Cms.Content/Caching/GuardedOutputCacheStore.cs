using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace BlogSite.Cms.Content.Caching;

/// Wraps the output cache's store so that a page rendered before a change cannot be stored after the change evicted
/// its tags: each entry names the change generation it was rendered under, and storing it and evicting take turns.
public sealed class GuardedOutputCacheStore(IOutputCacheStore inner, SiteChangeFeed changes) : IOutputCacheStore, IDisposable
{
    private const string Prefix = "generation:";
    private readonly SemaphoreSlim turn = new(1, 1);

    public static string GenerationTag(long generation) => Prefix + generation.ToString(CultureInfo.InvariantCulture);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var generation = tags?.FirstOrDefault(t => t.StartsWith(Prefix, StringComparison.Ordinal));
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (generation is null || generation != GenerationTag(changes.Generation))
            {
                return;
            }

            await inner.SetAsync(key, value, [.. tags!.Where(t => t != generation)], validFor, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    public void Dispose() => turn.Dispose();

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }
}

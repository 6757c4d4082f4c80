namespace BlogSite.Cms.Content.Media;

/// Files staged by one import. <see cref="CommitAsync"/> moves them into the media folder; disposing without
/// committing throws them away.
public sealed class MediaBatch : IAsyncDisposable
{
    private readonly MediaStore store;
    private readonly string stagingFolder;
    private readonly List<string> staged = [];
    private bool committed;

    internal MediaBatch(MediaStore store, string stagingFolder)
    {
        this.store = store;
        this.stagingFolder = stagingFolder;
    }

    public IReadOnlyList<string> Files => staged;

    public async Task StageAsync(string relativePath, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        store.FullPath(relativePath);
        var target = Path.Combine(stagingFolder, relativePath.Replace('\\', '/'));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var file = File.Create(target);
        await content.CopyToAsync(file, cancellationToken);
        staged.Add(relativePath.Replace('\\', '/'));
    }

    public Task CommitAsync()
    {
        foreach (var relativePath in staged)
        {
            var target = store.FullPath(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(stagingFolder, relativePath), target, overwrite: true);
        }

        committed = true;
        return DisposeAsync().AsTask();
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(stagingFolder))
        {
            Directory.Delete(stagingFolder, recursive: true);
        }

        if (!committed)
        {
            staged.Clear();
        }

        return ValueTask.CompletedTask;
    }
}

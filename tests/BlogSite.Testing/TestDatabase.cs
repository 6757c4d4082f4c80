namespace BlogSite.Testing;

/// A database of its own for one test class: an SQLite file or a PostgreSQL database, made and dropped here, with
/// a media folder of its own beside it.
public abstract class TestDatabase : IAsyncDisposable
{
    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"blogsite-media-{Guid.NewGuid():N}");

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BlogSite:Database:Provider"] = Provider,
        ["BlogSite:Database:ConnectionString"] = ConnectionString,
        ["BlogSite:Media:Path"] = MediaFolder,
        // Where a site with no SMTP server writes its messages.
        ["BlogSite:Email:DropFolder"] = MailDropFolder,
    };

    public string MailDropFolder => MediaFolder + "-mail";

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        // The media folder, the thumbnails, resized copies, staged files and pending imports kept beside it, and the
        // mail drop folder.
        var beside = Path.Combine(Path.GetDirectoryName(MediaFolder)!, "." + Path.GetFileName(MediaFolder));
        foreach (var folder in new[] { MediaFolder, MediaFolder + "-thumbnails", MediaFolder + "-resized", beside + "-staging", beside + "-imports", MailDropFolder })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask DropAsync();
}

using BlogSite.Cms.Content.Media;

namespace BlogSite.Cms.Recipes.Deployment;

/// Recipes checked on the Import page, waiting for the editor to confirm. They are kept beside the media folder,
/// which every node of a site shares, so the confirmation may reach any node. Each has a folder of its own named by a
/// random token (a recipe's files are read from beside it, and nothing else is there); one left unconfirmed for a day
/// is removed when the next is checked.
public sealed class PendingImports(MediaStore media, TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private string Root => media.Beside("imports");

    /// A new pending import: its token and the path its recipe or package is written to.
    public (string Token, string Path) Create()
    {
        RemoveExpired();
        var token = Guid.NewGuid().ToString("N");
        var path = PathOf(token);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return (token, path);
    }

    /// The recipe or package of a pending import, or null when the token names none.
    public string? Find(string? token) =>
        Guid.TryParseExact(token, "N", out _) && File.Exists(PathOf(token!)) ? PathOf(token!) : null;

    /// Takes a pending import to run it: moved aside in one step, so a confirmation sent twice (to two nodes, say)
    /// runs it once. Null when the token names none, or another request took it first.
    public string? Claim(string? token)
    {
        if (Find(token) is null)
        {
            return null;
        }

        var running = System.IO.Path.Combine(Root, token + Running);
        try
        {
            Directory.Move(System.IO.Path.Combine(Root, token!), running);
            return System.IO.Path.Combine(running, "Recipe.json");
        }
        catch (Exception e) when (e is IOException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private const string Running = ".running";

    /// Removes a pending import, claimed or not.
    public void Forget(string token)
    {
        if (!Guid.TryParseExact(token, "N", out _))
        {
            return;
        }

        foreach (var folder in new[] { System.IO.Path.Combine(Root, token), System.IO.Path.Combine(Root, token + Running) })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private string PathOf(string token) => System.IO.Path.Combine(Root, token, "Recipe.json");

    private void RemoveExpired()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var folder in new DirectoryInfo(Root).EnumerateDirectories())
        {
            if (clock.GetUtcNow().UtcDateTime - folder.LastWriteTimeUtc > KeptFor)
            {
                try
                {
                    folder.Delete(recursive: true);
                }
                catch (IOException)
                {
                    // Another node is removing it too.
                }
                catch (UnauthorizedAccessException)
                {
                    // Left for the operator; it is never served.
                }
            }
        }
    }
}

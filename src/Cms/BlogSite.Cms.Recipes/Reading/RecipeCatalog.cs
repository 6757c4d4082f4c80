using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlogSite.Cms.Recipes.Reading;

/// Every recipe the site knows, found by the `name` inside it as Orchard Core's `recipes` step finds them: those in
/// the running recipe's folder first, then the bundled ones (recipes/ beside the application), then the configured
/// folders.
public sealed class RecipeCatalog(IOptions<RecipeCatalogOptions> options, IHostEnvironment? environment = null)
{
    // A recipe's name comes before its steps; the head of a file is enough to read it, however large the file is.
    private const int HeadBytes = 64 * 1024;

    public IReadOnlyList<string> Folders(string recipeFolder) =>
        [.. new[] { recipeFolder, Path.Combine(AppContext.BaseDirectory, "recipes") }
            .Concat(options.Value.Folders.Select(f => Path.GetFullPath(Path.Combine(environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), f))))
            .Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists)];

    /// The file of the recipe named <paramref name="name"/> (case-insensitive), or null; a file named after it is
    /// looked at first in each folder.
    public string? Find(string name, string recipeFolder)
    {
        foreach (var folder in Folders(recipeFolder))
        {
            // The running recipe's folder may be anywhere (a download, /tmp): only its own files, not its sub-folders.
            var depth = folder == Path.GetFullPath(recipeFolder) ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
            var files = Directory.EnumerateFiles(folder, "*.recipe.json", depth)
                .OrderBy(f => string.Equals(Path.GetFileName(f), $"{name}.recipe.json", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(f => f, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (string.Equals(NameOf(file), name, StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }
            }
        }

        return null;
    }

    /// The top-level "name" of a recipe file, or null when its head does not have one.
    public static string? NameOf(string file)
    {
        var head = new byte[HeadBytes];
        int read;
        using (var stream = File.OpenRead(file))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        // A byte order mark is not JSON.
        var start = head.AsSpan(0, read).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var reader = new Utf8JsonReader(head.AsSpan(start, read - start), isFinalBlock: read < head.Length, new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        }));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var property = reader.GetString();
                    if (!reader.Read())
                    {
                        return null;
                    }

                    if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.String)
                    {
                        return reader.GetString();
                    }

                    // A value longer than the head: the name, if any, is not in it.
                    if (!reader.TrySkip())
                    {
                        return null;
                    }
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }

        return null;
    }
}

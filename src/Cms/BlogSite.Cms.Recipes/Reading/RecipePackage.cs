using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Export;

namespace BlogSite.Cms.Recipes.Reading;

/// A recipe to read from a file: JSON as it is, or a .zip deployment package (told by its content, not its name)
/// extracted into a temporary folder for as long as the package is open, so its media files are beside its recipe.
public sealed class RecipePackage : IAsyncDisposable
{
    private readonly string? extractedFolder;

    private RecipePackage(string recipePath, string? extractedFolder)
    {
        RecipePath = recipePath;
        this.extractedFolder = extractedFolder;
    }

    public string RecipePath { get; }

    public static async Task<RecipePackage> OpenAsync(string file, CancellationToken cancellationToken = default)
    {
        if (!IsZip(file))
        {
            return file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && File.Exists(file)
                ? throw Refused($"'{Path.GetFileName(file)}' is not a readable .zip archive: it does not start as one does.")
                : new RecipePackage(Path.GetFullPath(file), null);
        }

        try
        {
            var folder = await RecipeArchive.ExtractAsync(file, cancellationToken);
            var recipe = RecipeArchive.RecipeIn(folder);
            if (recipe is null)
            {
                Directory.Delete(folder, recursive: true);
                throw Refused($"The archive '{Path.GetFileName(file)}' has no {RecipeArchive.RecipeEntry} (or recipe.json) at its root.");
            }

            return new RecipePackage(recipe, folder);
        }
        catch (InvalidDataException e)
        {
            throw Refused($"'{Path.GetFileName(file)}' is not a readable .zip archive: {e.Message}");
        }
        catch (IOException e)
        {
            // Two entries of one name, or a disk that filled up while extracting.
            throw Refused($"'{Path.GetFileName(file)}' could not be extracted: {e.Message}");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (extractedFolder is not null && Directory.Exists(extractedFolder))
        {
            Directory.Delete(extractedFolder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static bool IsZip(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(file);
        return stream.Read(head) == 4 && head is [(byte)'P', (byte)'K', 3, 4];
    }

    private static RecipeException Refused(string message) => new([new RecipeError(null, null, "$", message)]);
}

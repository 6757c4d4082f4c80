using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Export;

namespace BlogSite.Web.CommandLine;

/// A recipe given on the command line: a .json file as it is, or a .zip archive extracted for as long as it is used.
internal sealed class RecipeSource : IAsyncDisposable
{
    private readonly string? extractedFolder;

    private RecipeSource(string recipePath, string? extractedFolder)
    {
        RecipePath = recipePath;
        this.extractedFolder = extractedFolder;
    }

    public string RecipePath { get; }

    public static async Task<RecipeSource> OpenAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Extension.Equals(".zip", StringComparison.OrdinalIgnoreCase) || !file.Exists)
        {
            return new RecipeSource(file.FullName, null);
        }

        try
        {
            var recipe = await RecipeArchive.ExtractAsync(file.FullName, cancellationToken);
            return new RecipeSource(recipe, Path.GetDirectoryName(recipe));
        }
        catch (InvalidDataException e)
        {
            throw new RecipeException([new RecipeError(null, null, "$", $"'{file.Name}' is not a readable .zip archive: {e.Message}")]);
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
}

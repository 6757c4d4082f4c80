namespace BlogSite.Cms.Recipes.Reading;

/// Files a recipe names (a media step's SourcePath, a `file:` script value): only files inside the recipe's own
/// folder or archive, as Orchard Core reads them through the recipe's file provider. An absolute path, "..", or a
/// link that leads out is refused, so a recipe cannot publish or read the host's files.
public static class RecipeFiles
{
    /// The full path of <paramref name="relativePath"/> inside <paramref name="recipeFolder"/>, or null with the
    /// reason in <paramref name="problem"/> (which never shows the host's paths).
    public static string? Resolve(string recipeFolder, string? relativePath, out string problem)
    {
        problem = "";
        var root = Path.GetFullPath(recipeFolder);
        root = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.StartsWith('\\'))
        {
            problem = $"'{relativePath}' is not a path inside the recipe's folder: give it relative to the recipe.";
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            problem = $"'{relativePath}' leads out of the recipe's folder; a recipe reads only files beside it.";
            return null;
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            problem = $"The file '{relativePath}' does not exist next to the recipe.";
            return null;
        }

        // A link inside the folder may point anywhere on the host.
        for (FileSystemInfo? entry = file; entry is not null && entry.FullName.Length >= root.Length; entry = entry is FileInfo f ? f.Directory : ((DirectoryInfo)entry).Parent)
        {
            if (entry.LinkTarget is not null)
            {
                problem = $"'{relativePath}' is a link; a recipe reads only files beside it.";
                return null;
            }
        }

        return path;
    }
}

namespace BlogSite.Testing;

/// The checkout the tests run from: the folder above the test assembly that holds BlogSite.sln.
internal static class RepositoryFolder
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BlogSite.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BlogSite.sln above {AppContext.BaseDirectory}.");
    }
}

using System.Diagnostics;
using BlogSite.Testing;

namespace BlogSite.UnitTests.Blog;

/// The editor's bundle is committed, so `dotnet run` serves it without Node.js; this keeps it honest: the bundle
/// built from the committed source and lock file must be the committed one, byte for byte.
public sealed class MarkdownEditorBundleTests
{
    [Fact]
    public async Task TheCommittedBundleIsBuiltFromTheEditorSource()
    {
        var editor = Path.Combine(RepositoryFolder.Find(), "src", "Modules", "BlogSite.Blog", "Editor");
        var built = Path.Combine(Directory.CreateTempSubdirectory("blogsite-editor-").FullName, "markdown-editor.js");
        try
        {
            await RunAsync(editor, "npm", "ci", "--no-audit", "--no-fund");
            await RunAsync(editor, "node", "build.mjs", built);

            var committed = await File.ReadAllBytesAsync(Path.Combine(editor, "..", "wwwroot", "js", "markdown-editor.js"));
            var rebuilt = await File.ReadAllBytesAsync(built);
            Assert.True(
                committed.AsSpan().SequenceEqual(rebuilt),
                "wwwroot/js/markdown-editor.js is not what its source builds to: run `npm ci && npm run build` in src/Modules/BlogSite.Blog/Editor and commit the bundle.");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(built)!, recursive: true);
        }
    }

    private static async Task RunAsync(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}

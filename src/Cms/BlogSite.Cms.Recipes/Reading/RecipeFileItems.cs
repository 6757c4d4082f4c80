using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Win32.SafeHandles;

namespace BlogSite.Cms.Recipes.Reading;

/// The content items of a recipe file's content steps, read from the file one at a time as a step asks for them.
public sealed class RecipeFileItems(string path, RecipeFileLayout layout, IReadOnlySet<int> streamedSteps)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// Whether step <paramref name="stepIndex"/>'s Data is read from here (its DOM holds an empty placeholder).
    public bool Streams(int stepIndex) => streamedSteps.Contains(stepIndex);

    public int Count(int stepIndex) => layout.Steps[stepIndex].Items.Count;

    public IEnumerable<JsonNode?> Read(int stepIndex)
    {
        using var handle = File.OpenHandle(path);
        foreach (var (start, end) in layout.Steps[stepIndex].Items)
        {
            yield return JsonNode.Parse(ReadRange(handle, start, end), null, DocumentOptions);
        }
    }

    internal static byte[] ReadRange(SafeFileHandle handle, long start, long end)
    {
        var bytes = new byte[end - start];
        var done = 0;
        while (done < bytes.Length)
        {
            var read = RandomAccess.Read(handle, bytes.AsSpan(done), start + done);
            if (read == 0)
            {
                throw new IOException("The recipe file changed while it was being read.");
            }

            done += read;
        }

        return bytes;
    }
}

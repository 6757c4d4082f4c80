using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "media", "Files": [{"TargetPath": "a.jpg", "SourcePath": "../img/a.jpg"} | {"TargetPath", "Base64"}]}`:
/// files from paths relative to the recipe, or inline. They are staged during the run and reach the media folder
/// only when the recipe commits.
public sealed class MediaStep : IRecipeStep
{
    public string Name => "media";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Read(context);
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var file in Read(context))
        {
            await using var content = file.Open();
            await context.Media!.StageAsync(file.TargetPath, content, cancellationToken);
        }
    }

    private static List<MediaFile> Read(RecipeStepContext context)
    {
        var files = new List<MediaFile>();
        var key = RecipeReader.KeyOf(context.Step, "Files");
        var array = context.ArrayProperty("Files", required: true) ?? [];
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{key}[{i}]";
            if (array[i] is not JsonObject entry)
            {
                context.Error(path, "A media file must be an object with 'TargetPath' and 'SourcePath' or 'Base64'.");
                continue;
            }

            var target = RecipeReader.StringProperty(entry, "TargetPath");
            if (MediaStore.Problem(target) is { } problem)
            {
                context.Error($"{path}.TargetPath", problem);
                continue;
            }

            if (RecipeReader.StringProperty(entry, "SourcePath") is { } source)
            {
                if (RecipeFiles.Resolve(context.Recipe.BasePath, source, out var sourceProblem) is not { } full)
                {
                    context.Error($"{path}.SourcePath", sourceProblem);
                    continue;
                }

                files.Add(new MediaFile(target!, () => File.OpenRead(full)));
            }
            else if (RecipeReader.StringProperty(entry, "Base64") is { } base64)
            {
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    context.Error($"{path}.Base64", "'Base64' is not valid Base64.");
                    continue;
                }

                files.Add(new MediaFile(target!, () => new MemoryStream(bytes, writable: false)));
            }
            else
            {
                context.Error(path, "A media file needs a 'SourcePath' (relative to the recipe) or 'Base64' content.");
            }
        }

        return files;
    }

    private sealed record MediaFile(string TargetPath, Func<Stream> Open);
}

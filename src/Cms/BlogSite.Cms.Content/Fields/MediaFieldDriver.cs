using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Media;

namespace BlogSite.Cms.Content.Fields;

/// Images picked from the media library (newest first); shown as images with their texts.
public sealed class MediaFieldDriver(MediaLibrary library) : FieldDriver<MediaField>
{
    /// How many images the picker offers; images picked before stay offered.
    public const int ChoiceLimit = 500;

    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Lines("Paths");
        var picked = EditorChoice.Split(value);
        var offered = library.Images().Take(ChoiceLimit).Select(f => f.Path);
        var choices = picked.Concat(offered).Distinct(StringComparer.Ordinal).Select(p => new EditorChoice(p, p)).ToList();
        return Inputs(new EditorInput($"{context.Key}.Paths", context.Label, "choice", value, context.Hint, context.Required)
        {
            Choices = choices,
            Multiple = context.Settings<MediaFieldSettings>()?.Multiple ?? true,
        });
    }

    protected override Task<object?> DisplayAsync(MediaField value, CancellationToken cancellationToken)
    {
        var images = (value.Paths ?? []).Select((path, i) => new ImageValue(
            "/media/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString)),
            value.MediaTexts is { } texts && i < texts.Count ? texts[i] : "")).ToList();
        return Shown(images.Count > 0 ? images : null);
    }
}

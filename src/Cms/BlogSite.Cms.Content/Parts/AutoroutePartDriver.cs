using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Parts;

/// The item's address, when the type lets editors choose it; otherwise the type's pattern makes it and there is
/// nothing to type.
public sealed class AutoroutePartDriver : IContentPartDriver
{
    public string PartName => nameof(AutoroutePart);

    public Task<IReadOnlyList<EditorInput>> EditAsync(PartEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<EditorInput> inputs = context.Settings<AutoroutePartSettings>() is { AllowCustomPath: true }
            ? [new EditorInput("AutoroutePart.Path", "Address", "text", context.Item?.As<AutoroutePart>()?.Path,
                "The path after the site's address; made from the title when left empty.")]
            : [];
        return Task.FromResult(inputs);
    }
}

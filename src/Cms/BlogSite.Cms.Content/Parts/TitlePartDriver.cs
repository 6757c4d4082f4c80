using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Parts;

/// The title every titled item needs; it is also the item's display text.
public sealed class TitlePartDriver : IContentPartDriver
{
    public string PartName => nameof(TitlePart);

    public Task<IReadOnlyList<EditorInput>> EditAsync(PartEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<EditorInput>>([new EditorInput("TitlePart.Title", "Title", "text", context.Item?.As<TitlePart>()?.Title, Required: true)]);
    }
}

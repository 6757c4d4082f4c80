using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Parts;

/// The item's body in Markdown.
public sealed class MarkdownBodyPartDriver : IContentPartDriver
{
    public string PartName => nameof(MarkdownBodyPart);

    public Task<IReadOnlyList<EditorInput>> EditAsync(PartEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<EditorInput>>(
            [new EditorInput("MarkdownBodyPart.Markdown", "Body (Markdown)", "markdown", context.Item?.As<MarkdownBodyPart>()?.Markdown)]);
    }
}

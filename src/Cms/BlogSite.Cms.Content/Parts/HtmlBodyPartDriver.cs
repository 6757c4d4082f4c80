using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Parts;

/// The item's body in HTML (shown sanitized).
public sealed class HtmlBodyPartDriver : IContentPartDriver
{
    public string PartName => nameof(HtmlBodyPart);

    public Task<IReadOnlyList<EditorInput>> EditAsync(PartEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<EditorInput>>(
            [new EditorInput("HtmlBodyPart.Html", "Body (HTML)", "textarea", context.Item?.As<HtmlBodyPart>()?.Html)]);
    }
}

using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Fields;

/// Items picked from the types the field allows (the most recent first); shown as links to the published ones.
public sealed class ContentPickerFieldDriver(CmsDbContext db) : FieldDriver<ContentPickerField>
{
    /// How many items the picker offers; items picked before stay offered.
    public const int ChoiceLimit = 200;

    public override async Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings<ContentPickerFieldSettings>() ?? new ContentPickerFieldSettings();
        var types = settings.DisplayAllContentTypes ? null : settings.DisplayedContentTypes ?? [];
        var value = context.Lines("ContentItemIds");
        var picked = EditorChoice.Split(value).ToList();
        var items = await db.ContentItems.AsNoTracking()
            .Where(x => x.Latest && (picked.Contains(x.ContentItemId) || types == null || types.Contains(x.ContentType)))
            .OrderByDescending(x => picked.Contains(x.ContentItemId)).ThenByDescending(x => x.ModifiedUtc)
            .Take(ChoiceLimit + picked.Count)
            .Select(x => new EditorChoice(x.ContentItemId, x.DisplayText, 0))
            .ToListAsync(cancellationToken);
        return [new EditorInput($"{context.Key}.ContentItemIds", context.Label, "choice", value, context.Hint, context.Required || settings.Required)
        {
            Choices = [.. items.OrderBy(c => c.Text, StringComparer.CurrentCultureIgnoreCase)],
            Multiple = settings.Multiple,
        }];
    }

    protected override async Task<object?> DisplayAsync(ContentPickerField value, CancellationToken cancellationToken)
    {
        var ids = value.ContentItemIds ?? [];
        if (ids.Count == 0)
        {
            return null;
        }

        var items = await db.ContentItems.AsNoTracking()
            .Where(x => x.Published && ids.Contains(x.ContentItemId))
            .ToListAsync(cancellationToken);
        var links = ids
            .Select(id => items.Find(x => x.ContentItemId == id))
            .Where(x => x?.As<AutoroutePart>()?.Path is { Length: > 0 })
            .Select(x => new LinkValue(x!.DisplayText, "/" + x.As<AutoroutePart>()!.Path!.Trim('/')))
            .ToList();
        return links.Count > 0 ? links : null;
    }
}

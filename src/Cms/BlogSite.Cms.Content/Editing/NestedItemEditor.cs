using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Editing;

/// Edits the items an item holds in its BagParts and FlowParts (Orchard Core's nested items) with the editor their
/// types get. Each change is a new version of the holding item, written like any other save: a draft for a draftable
/// type (published with the item), live at once otherwise, never over a version someone else saved meanwhile.
public sealed class NestedItemEditor(ContentEditorForms forms, ContentVersionWriter writer, ContentStore store)
{
    /// The editor of the held item at <paramref name="index"/> (or of a new one of <paramref name="newType"/> when
    /// the index is null) and the item as it stands; null when there is no such holder, item or type.
    public async Task<(ContentEditorForm Form, ContentItem? Item)?> FormAsync(
        ContentEditorForm holderForm, ContentItem holder, string partKey, int? index, string? newType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holderForm);
        ArgumentNullException.ThrowIfNull(holder);
        if (holderForm.Holders.FirstOrDefault(h => h.PartKey == partKey) is not { } part)
        {
            return null;
        }

        if (index is { } at)
        {
            if (part.ItemAt(holder.Content, at) is not { } json || json["ContentType"]?.GetValue<string>() is not { } type)
            {
                return null;
            }

            var item = Wrap(json);
            return await forms.ForAsync(type, item, cancellationToken) is { } form ? (form, item) : null;
        }

        return newType is not null && part.AllowedTypes.Contains(newType) && await forms.ForAsync(newType, null, cancellationToken) is { } added
            ? (added, null)
            : null;
    }

    /// Saves the posted values into the held item at <paramref name="index"/>, or adds a new one last.
    public async Task<ContentSaveResult> SaveAsync(
        ContentEditorForm holderForm, ContentItem holder, string partKey, int? index, ContentEditorForm itemForm,
        IReadOnlyDictionary<string, string?> posted, string? expectedStamp, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemForm);
        var problems = new Dictionary<string, string>();
        return await ChangeAsync(holderForm, holder, expectedStamp, author, content =>
        {
            var items = Items(holderForm, content, partKey);
            if (index is { } at && (at < 0 || at >= items.Count || items[at] is not JsonObject))
            {
                problems["Index"] = "That item is no longer there; someone may have removed it.";
                return false;
            }

            var json = index is { } i ? (JsonObject)items[i]! : new JsonObject
            {
                ["ContentItemId"] = ContentItemIdGenerator.NewId(),
                ["ContentType"] = itemForm.Type.Name,
            };
            var item = Wrap(json);
            ContentEditorInputs.Apply(itemForm.Inputs, posted, item, itemForm.Site, problems);
            json["DisplayText"] = item.DisplayText;
            if (index is null)
            {
                items.Add(json);
            }

            return problems.Count == 0;
        }, () => ContentSaveResult.Invalid(problems), cancellationToken);
    }

    /// Moves the held item at <paramref name="index"/> one place up (-1) or down (+1).
    public Task<ContentSaveResult> MoveAsync(
        ContentEditorForm holderForm, ContentItem holder, string partKey, int index, int offset, string? expectedStamp, string author,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(holderForm, holder, expectedStamp, author, content =>
        {
            var items = Items(holderForm, content, partKey);
            var target = Math.Clamp(index + Math.Sign(offset), 0, items.Count - 1);
            if (index < 0 || index >= items.Count || target == index)
            {
                return false;
            }

            var item = items[index];
            items.RemoveAt(index);
            items.Insert(target, item);
            return true;
        }, () => ContentSaveResult.Invalid("Index", "That item cannot move further."), cancellationToken);

    /// Takes the held item at <paramref name="index"/> out of the item; earlier versions still hold it.
    public Task<ContentSaveResult> RemoveAsync(
        ContentEditorForm holderForm, ContentItem holder, string partKey, int index, string? expectedStamp, string author,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(holderForm, holder, expectedStamp, author, content =>
        {
            var items = Items(holderForm, content, partKey);
            if (index < 0 || index >= items.Count)
            {
                return false;
            }

            items.RemoveAt(index);
            return true;
        }, () => ContentSaveResult.Invalid("Index", "There is no such item to remove."), cancellationToken);

    private async Task<ContentSaveResult> ChangeAsync(
        ContentEditorForm holderForm, ContentItem holder, string? expectedStamp, string author, Func<JsonObject, bool> change,
        Func<ContentSaveResult> refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holderForm);
        ArgumentNullException.ThrowIfNull(holder);
        var version = new ContentItem
        {
            ContentItemId = holder.ContentItemId,
            ContentType = holder.ContentType,
            DisplayText = holder.DisplayText,
            Owner = holder.Owner,
            PublishedUtc = holder.PublishedUtc,
            Content = (JsonObject)holder.Content.DeepClone(),
        };
        if (!change(version.Content))
        {
            return refused();
        }

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        return await writer.WriteAsync(
            transaction, version, expectedStamp, author, ContentSaveIntent.Draft, publish: !holderForm.Draftable, scheduleUtc: null,
            "AutoroutePart.Path", cancellationToken);
    }

    private static JsonArray Items(ContentEditorForm holderForm, JsonObject content, string partKey) =>
        holderForm.Holders.First(h => h.PartKey == partKey).Items(content);

    /// A held item as the editor reads and writes it: its JSON is the item's content, parts at the top.
    private static ContentItem Wrap(JsonObject json) => new()
    {
        ContentItemId = json["ContentItemId"]?.GetValue<string>() ?? "",
        ContentType = json["ContentType"]?.GetValue<string>() ?? "",
        DisplayText = json["DisplayText"]?.GetValue<string>() ?? "",
        Content = json,
    };
}

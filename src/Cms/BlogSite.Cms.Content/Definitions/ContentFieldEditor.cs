using System.Globalization;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Fields;

namespace BlogSite.Cms.Content.Definitions;

/// The admin's changes to a type's fields, which live in the type's own part: add, change, reorder, remove. A removed
/// field's values stay in the items that have them until those items are saved again.
public sealed class ContentFieldEditor(ContentDefinitionStore store, ContentKinds kinds)
{
    public Task<string> AddAsync(string typeName, ContentFieldForm form, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var part = OwnPartOf(definitions, typeName);
            if (!kinds.FieldExists(form.Kind))
            {
                throw new ContentDefinitionException(nameof(ContentFieldForm.Kind), $"There is no field kind '{form.Kind}'.");
            }

            var name = string.IsNullOrWhiteSpace(form.Name) ? TechnicalName.From(form.DisplayName) : form.Name.Trim();
            if (!TechnicalName.IsValid(name))
            {
                throw new ContentDefinitionException(nameof(ContentFieldForm.Name), "The technical name must start with a letter and hold only letters and digits.");
            }

            if (part.ContentPartFieldDefinitionRecords.Exists(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ContentDefinitionException(nameof(ContentFieldForm.Name), $"The type already has a field named '{name}'.");
            }

            var field = new ContentPartFieldDefinition { Name = name, FieldName = form.Kind };
            part.ContentPartFieldDefinitionRecords.Add(field);
            Describe(field, form);
            ContentTypeEditor.Renumber(part.ContentPartFieldDefinitionRecords.Select(f => f.Settings), SettingsName);
            return name;
        }, cancellationToken);

    /// Changes the field's display name and settings; its kind and technical name stay, so stored values still fit.
    public Task UpdateAsync(string typeName, string fieldName, ContentFieldForm form, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            var field = FieldOf(definitions, typeName, fieldName);
            Describe(field, form with { Kind = field.FieldName });
            return true;
        }, cancellationToken);

    public Task MoveAsync(string typeName, string fieldName, int offset, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            var fields = OwnPartOf(definitions, typeName).ContentPartFieldDefinitionRecords;
            ContentTypeEditor.Move(fields, fields.FindIndex(f => f.Name == fieldName), offset);
            ContentTypeEditor.Renumber(fields.Select(f => f.Settings), SettingsName);
            return true;
        }, cancellationToken);

    public Task RemoveAsync(string typeName, string fieldName, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            var part = OwnPartOf(definitions, typeName);
            part.ContentPartFieldDefinitionRecords.Remove(FieldOf(definitions, typeName, fieldName));
            ContentTypeEditor.Renumber(part.ContentPartFieldDefinitionRecords.Select(f => f.Settings), SettingsName);
            return true;
        }, cancellationToken);

    private const string SettingsName = "ContentPartFieldSettings";

    private static ContentPartDefinition OwnPartOf(ContentDefinitionDocument definitions, string typeName)
    {
        var type = ContentTypeEditor.TypeOf(definitions, typeName);
        if (!type.HasPart(type.Name))
        {
            type.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { Name = type.Name, PartName = type.Name });
        }

        if (definitions.Part(type.Name) is not { } part)
        {
            part = new ContentPartDefinition { Name = type.Name };
            definitions.ContentParts.Add(part);
        }

        return part;
    }

    private static ContentPartFieldDefinition FieldOf(ContentDefinitionDocument definitions, string typeName, string fieldName) =>
        OwnPartOf(definitions, typeName).ContentPartFieldDefinitionRecords.Find(f => f.Name == fieldName)
        ?? throw new ContentDefinitionException("FieldName", $"The type has no field '{fieldName}'.");

    /// Orchard Core's shape: the display name (and the text editor) in ContentPartFieldSettings, the rest in the
    /// kind's own settings ("LinkFieldSettings"), only what applies to the kind.
    private static void Describe(ContentPartFieldDefinition field, ContentFieldForm form)
    {
        if (string.IsNullOrWhiteSpace(form.DisplayName))
        {
            throw new ContentDefinitionException(nameof(ContentFieldForm.DisplayName), "Enter a display name.");
        }

        if (form.Minimum > form.Maximum)
        {
            throw new ContentDefinitionException(nameof(ContentFieldForm.Maximum), "The maximum must not be below the minimum.");
        }

        var common = field.Settings[SettingsName] as JsonObject ?? [];
        common["DisplayName"] = form.DisplayName.Trim();
        common["Editor"] = form.Kind == nameof(TextField) && form.Editor is { Length: > 0 } editor ? editor : null;
        field.Settings[SettingsName] = common;

        var own = new JsonObject { ["Hint"] = form.Hint?.Trim() ?? "", ["Required"] = form.Required };
        switch (form.Kind)
        {
            case nameof(NumericField):
                own["Minimum"] = form.Minimum;
                own["Maximum"] = form.Maximum;
                break;
            case nameof(ContentPickerField) or nameof(MediaField):
                own["Multiple"] = form.Multiple;
                break;
            case nameof(TaxonomyField):
                own["TaxonomyContentItemId"] = form.TaxonomyContentItemId;
                own["LeavesOnly"] = form.LeavesOnly;
                own["Unique"] = form.Unique;
                own["Open"] = form.Open;
                break;
        }

        field.Settings[string.Create(CultureInfo.InvariantCulture, $"{form.Kind}Settings")] = own;
    }
}

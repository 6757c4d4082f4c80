using System.Globalization;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.Cms.Content.Definitions;

/// The admin's changes to types: create one, change its settings, add, remove and reorder its parts, set its
/// Autoroute pattern. Everything is stored as the same definition the ContentDefinition step reads and writes.
/// A refused change throws <see cref="ContentDefinitionException"/> naming the form field; nothing is saved then.
public sealed class ContentTypeEditor(ContentDefinitionStore store, ContentKinds kinds)
{
    public const string DefaultPattern = "{{ Model.ContentItem | display_text | slugify }}";

    public Task<string> CreateAsync(ContentTypeForm form, IReadOnlyCollection<string> parts, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            ArgumentNullException.ThrowIfNull(form);
            var name = string.IsNullOrWhiteSpace(form.Name) ? TechnicalName.From(form.DisplayName) : form.Name.Trim();
            if (!TechnicalName.IsValid(name))
            {
                throw new ContentDefinitionException(nameof(ContentTypeForm.Name), "The technical name must start with a letter and hold only letters and digits.");
            }

            if (definitions.Type(name) is not null || kinds.PartExists(name))
            {
                throw new ContentDefinitionException(nameof(ContentTypeForm.Name), $"There is already a type or part named '{name}'; choose another name.");
            }

            var type = new ContentTypeDefinition { Name = name };
            definitions.ContentTypes.Add(type);
            Describe(type, form);
            foreach (var part in parts.Where(kinds.PartExists).Distinct(StringComparer.Ordinal))
            {
                AddPart(type, part, part);
            }

            // The type's own part, where its fields go.
            AddPart(type, name, name);
            if (definitions.Part(name) is null)
            {
                definitions.ContentParts.Add(new ContentPartDefinition { Name = name });
            }

            return name;
        }, cancellationToken);

    public Task UpdateAsync(string typeName, ContentTypeForm form, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions => { Describe(TypeOf(definitions, typeName), form); return true; }, cancellationToken);

    public Task AddPartAsync(string typeName, string partName, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            var type = TypeOf(definitions, typeName);
            if (!kinds.PartExists(partName))
            {
                throw new ContentDefinitionException("PartName", $"There is no part '{partName}' to add.");
            }

            if (type.HasPart(partName))
            {
                throw new ContentDefinitionException("PartName", $"{type.DisplayName ?? type.Name} already has {partName}.");
            }

            AddPart(type, partName, partName);
            return true;
        }, cancellationToken);

    /// Removes a part from the type; items keep what they stored in it.
    public Task RemovePartAsync(string typeName, string partName, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            var type = TypeOf(definitions, typeName);
            if (partName == type.Name)
            {
                throw new ContentDefinitionException("PartName", "The type's own part holds its fields; remove the fields instead.");
            }

            type.ContentTypePartDefinitionRecords.RemoveAll(p => p.Name == partName);
            Renumber(type.ContentTypePartDefinitionRecords.Select(p => p.Settings), "ContentTypePartSettings");
            return true;
        }, cancellationToken);

    public Task MovePartAsync(string typeName, string partName, int offset, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            var parts = TypeOf(definitions, typeName).ContentTypePartDefinitionRecords;
            Move(parts, parts.FindIndex(p => p.Name == partName), offset);
            Renumber(parts.Select(p => p.Settings), "ContentTypePartSettings");
            return true;
        }, cancellationToken);

    /// Sets how the type's items get their path; a pattern that is not Liquid is refused with the reason.
    public Task SetAutorouteAsync(string typeName, string? pattern, bool allowCustomPath, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(definitions =>
        {
            var part = TypeOf(definitions, typeName).PartOf<AutoroutePart>()
                ?? throw new ContentDefinitionException("Pattern", "Add the Autoroute part first.");
            if (!string.IsNullOrWhiteSpace(pattern) && !AutoroutePattern.TryParse(pattern, out _, out var error))
            {
                throw new ContentDefinitionException("Pattern", $"The pattern is not valid Liquid: {error}");
            }

            var settings = DefinitionSettings.Get<AutoroutePartSettings>(part.Settings) ?? new AutoroutePartSettings();
            DefinitionSettings.Set(part.Settings, settings with { Pattern = string.IsNullOrWhiteSpace(pattern) ? null : pattern.Trim(), AllowCustomPath = allowCustomPath });
            return true;
        }, cancellationToken);

    internal static ContentTypeDefinition TypeOf(ContentDefinitionDocument definitions, string typeName) =>
        definitions.Type(typeName) ?? throw new ContentDefinitionException("Name", $"There is no type '{typeName}'.");

    internal static void Move<T>(List<T> list, int index, int offset)
    {
        var target = Math.Clamp(index + Math.Sign(offset), 0, list.Count - 1);
        if (index < 0 || target == index)
        {
            return;
        }

        var entry = list[index];
        list.RemoveAt(index);
        list.Insert(target, entry);
    }

    /// Writes each entry's place in its list into its settings, as Orchard Core orders parts and fields.
    internal static void Renumber(IEnumerable<JsonObject> settings, string settingsName)
    {
        var position = 0;
        foreach (var entry in settings)
        {
            var own = entry[settingsName] as JsonObject ?? [];
            own["Position"] = (position++).ToString(CultureInfo.InvariantCulture);
            entry[settingsName] = own;
        }
    }

    private static void Describe(ContentTypeDefinition type, ContentTypeForm form)
    {
        if (string.IsNullOrWhiteSpace(form?.DisplayName))
        {
            throw new ContentDefinitionException(nameof(ContentTypeForm.DisplayName), "Enter a display name.");
        }

        type.DisplayName = form.DisplayName.Trim();
        DefinitionSettings.Set(type.Settings, new ContentTypeSettings(
            form.Creatable, form.Listable, form.Draftable, form.Versionable, string.IsNullOrWhiteSpace(form.Stereotype) ? null : form.Stereotype.Trim()));
    }

    private static void AddPart(ContentTypeDefinition type, string name, string partName)
    {
        var part = new ContentTypePartDefinition { Name = name, PartName = partName };
        if (partName == ContentParts.NameOf<AutoroutePart>())
        {
            // Items get an address from their title unless an editor types one, and may become the home page.
            DefinitionSettings.Set(part.Settings, new AutoroutePartSettings(AllowCustomPath: true, Pattern: DefaultPattern, ShowHomepageOption: true));
        }

        type.ContentTypePartDefinitionRecords.Add(part);
        Renumber(type.ContentTypePartDefinitionRecords.Select(p => p.Settings), "ContentTypePartSettings");
    }
}

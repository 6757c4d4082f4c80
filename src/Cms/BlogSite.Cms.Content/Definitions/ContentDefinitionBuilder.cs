using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Definitions;

/// Declares types and parts in code, in the same shape the ContentDefinition recipe step writes.
public sealed class ContentDefinitionBuilder
{
    private readonly ContentDefinitionDocument document = new();

    public ContentDefinitionBuilder Type(string name, string displayName, Action<TypeBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var type = new ContentTypeDefinition { Name = name, DisplayName = displayName };
        build(new TypeBuilder(type));
        document.ContentTypes.Add(type);
        return this;
    }

    public ContentDefinitionBuilder Part(string name, Action<PartBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var part = new ContentPartDefinition { Name = name };
        build(new PartBuilder(part));
        document.ContentParts.Add(part);
        return this;
    }

    public ContentDefinitionDocument Build() => document;

    public sealed class TypeBuilder(ContentTypeDefinition type)
    {
        public TypeBuilder Settings(string name, JsonObject settings)
        {
            type.Settings[name] = settings;
            return this;
        }

        public TypeBuilder Part(string partName, params (string Name, JsonObject Settings)[] settings) =>
            NamedPart(partName, partName, settings);

        public TypeBuilder NamedPart(string name, string partName, params (string Name, JsonObject Settings)[] settings)
        {
            var part = new ContentTypePartDefinition { Name = name, PartName = partName };
            part.Settings["ContentTypePartSettings"] = new JsonObject
            {
                ["Position"] = type.ContentTypePartDefinitionRecords.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (settingsName, value) in settings)
            {
                part.Settings[settingsName] = value;
            }

            type.ContentTypePartDefinitionRecords.Add(part);
            return this;
        }
    }

    public sealed class PartBuilder(ContentPartDefinition part)
    {
        public PartBuilder Field(string name, string fieldName, string displayName, params (string Name, JsonObject Settings)[] settings)
        {
            var field = new ContentPartFieldDefinition { Name = name, FieldName = fieldName };
            field.Settings["ContentPartFieldSettings"] = new JsonObject
            {
                ["DisplayName"] = displayName,
                ["Position"] = part.ContentPartFieldDefinitionRecords.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (settingsName, value) in settings)
            {
                field.Settings[settingsName] = value;
            }

            part.ContentPartFieldDefinitionRecords.Add(field);
            return this;
        }
    }
}

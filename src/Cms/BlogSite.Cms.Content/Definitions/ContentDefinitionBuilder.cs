using System.Globalization;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

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

    /// A part with fields; a type's own part is named after the type and its record.
    public ContentDefinitionBuilder Part<TPart>(Action<PartBuilder> build) => Part(ContentParts.NameOf<TPart>(), build);

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
        public TypeBuilder Settings(object settings)
        {
            DefinitionSettings.Set(type.Settings, settings);
            return this;
        }

        /// Adds the part, with settings records stored under their type names.
        public TypeBuilder Part<TPart>(params object[] settings) => NamedPart(ContentParts.NameOf<TPart>(), ContentParts.NameOf<TPart>(), settings);

        public TypeBuilder NamedPart(string name, string partName, params object[] settings)
        {
            var part = new ContentTypePartDefinition { Name = name, PartName = partName };
            part.Settings["ContentTypePartSettings"] = new JsonObject
            {
                ["Position"] = type.ContentTypePartDefinitionRecords.Count.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var value in settings)
            {
                DefinitionSettings.Set(part.Settings, value);
            }

            type.ContentTypePartDefinitionRecords.Add(part);
            return this;
        }
    }

    public sealed class PartBuilder(ContentPartDefinition part)
    {
        /// Adds a field of kind <typeparamref name="TField"/>, with settings records stored under their type names.
        public PartBuilder Field<TField>(string name, string displayName, params object[] settings)
        {
            var field = new ContentPartFieldDefinition { Name = name, FieldName = typeof(TField).Name };
            field.Settings["ContentPartFieldSettings"] = new JsonObject
            {
                ["DisplayName"] = displayName,
                ["Position"] = part.ContentPartFieldDefinitionRecords.Count.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var value in settings)
            {
                DefinitionSettings.Set(field.Settings, value);
            }

            part.ContentPartFieldDefinitionRecords.Add(field);
            return this;
        }
    }
}

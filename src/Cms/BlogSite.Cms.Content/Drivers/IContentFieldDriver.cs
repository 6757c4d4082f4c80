using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Drivers;

/// The editor and default display of one field kind ("TextField", "TaxonomyField"), registered by the code that
/// defines the field with <see cref="ContentDriverRegistration.AddContentField{TDriver}"/>.
public interface IContentFieldDriver
{
    /// The field kind, as definitions name it.
    string FieldName { get; }

    /// The inputs the field shows in an editor; each writes under its key ("Type.Field.Property").
    Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken);

    /// What readers see of a stored value (text, HTML, links, images), or null to show nothing.
    Task<object?> DisplayAsync(JsonObject stored, CancellationToken cancellationToken);
}

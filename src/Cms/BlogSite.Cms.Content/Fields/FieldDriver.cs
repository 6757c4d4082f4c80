using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Fields;

/// A field driver whose stored value is the record <typeparamref name="TField"/>: reading it is done here once, so a
/// driver says only what it shows. An imported value of the wrong shape is kept as it came but not shown.
public abstract class FieldDriver<TField> : IContentFieldDriver where TField : class
{
    public string FieldName => typeof(TField).Name;

    public abstract Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken);

    public async Task<object?> DisplayAsync(JsonObject stored, CancellationToken cancellationToken)
    {
        TField? value;
        try
        {
            value = stored.Deserialize<TField>(ContentJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }

        return value is null ? null : await DisplayAsync(value, cancellationToken);
    }

    protected abstract Task<object?> DisplayAsync(TField value, CancellationToken cancellationToken);

    protected static Task<IReadOnlyList<EditorInput>> Inputs(params EditorInput[] inputs) => Task.FromResult<IReadOnlyList<EditorInput>>(inputs);

    protected static Task<object?> Shown(object? value) => Task.FromResult(value);
}

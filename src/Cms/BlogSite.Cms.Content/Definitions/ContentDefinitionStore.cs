using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Content.Definitions;

/// The site's type and part definitions, stored as one document in the ContentDefinition step's shape.
public sealed class ContentDefinitionStore(DocumentStore documents)
{
    private const string DocumentKey = "ContentDefinition";

    public Task<ContentDefinitionDocument> GetAsync(CancellationToken cancellationToken = default) =>
        documents.GetAsync<ContentDefinitionDocument>(DocumentKey, cancellationToken);

    /// The definitions for display, shared with other requests until they change: callers must not change them.
    public Task<ContentDefinitionDocument> GetSharedAsync(CancellationToken cancellationToken = default) =>
        documents.GetSharedAsync<ContentDefinitionDocument>(DocumentKey, cancellationToken);

    public async Task MergeAsync(ContentDefinitionDocument definitions, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(cancellationToken);
        current.Merge(definitions);
        await documents.SaveAsync(DocumentKey, current, cancellationToken);
    }

    /// Replaces the stored definitions: the admin's edits, which may also remove types, parts and fields.
    public Task SaveAsync(ContentDefinitionDocument definitions, CancellationToken cancellationToken = default) =>
        documents.SaveAsync(DocumentKey, definitions, cancellationToken);

    /// Loads the definitions, lets <paramref name="change"/> edit them (it throws to refuse) and saves them.
    public async Task<T> ChangeAsync<T>(Func<ContentDefinitionDocument, T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await GetAsync(cancellationToken);
        var result = change(current);
        await SaveAsync(current, cancellationToken);
        return result;
    }
}

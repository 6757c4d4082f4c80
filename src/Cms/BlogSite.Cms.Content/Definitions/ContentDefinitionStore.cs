using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Content.Definitions;

public sealed class ContentDefinitionStore(DocumentStore documents)
{
    private const string DocumentKey = "ContentDefinition";

    public Task<ContentDefinitionDocument> GetAsync(CancellationToken cancellationToken = default) =>
        documents.GetAsync<ContentDefinitionDocument>(DocumentKey, cancellationToken);

    public async Task MergeAsync(ContentDefinitionDocument definitions, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(cancellationToken);
        current.Merge(definitions);
        await documents.SaveAsync(DocumentKey, current, cancellationToken);
    }
}

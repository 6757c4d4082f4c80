namespace BlogSite.Cms.Content.Search;

/// Whether large batches of search rows written in this scope leave their vectors to <see cref="SearchVectorFiller"/>
/// (PostgreSQL): only while a recipe runs, whose thousands of posts would otherwise wait for their vectors inside the
/// import. An editor's change is searchable at once, however many posts it re-indexes (renaming a tag of 500 posts).
public sealed class SearchVectorDeferral
{
    public bool Active { get; private set; }

    /// Defers until the returned scope ends.
    public IDisposable Begin()
    {
        Active = true;
        return new Scope(this);
    }

    private sealed class Scope(SearchVectorDeferral deferral) : IDisposable
    {
        public void Dispose() => deferral.Active = false;
    }
}

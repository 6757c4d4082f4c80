namespace BlogSite.Cms.Admin.Queries;

/// The content list's filters, as the list's query string carries them.
public sealed record ContentListFilter(
    string? Type = null, string? Status = null, string? Term = null, string? Author = null, string? Search = null, string? Sort = null, int Page = 1)
{
    public const int PageSize = 20;

    /// Set (never from the query string) for people who may open only their own items: the list shows nothing else.
    public string? OnlyOwnedBy { get; init; }
}

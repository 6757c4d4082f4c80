namespace BlogSite.Cms.Content.Search;

/// One match: the version row it came from and a plain-text snippet in which <see cref="MarkStart"/> and
/// <see cref="MarkEnd"/> surround the matched words (encode the text, then turn the markers into &lt;mark&gt;).
public sealed record SearchHit(long DocumentId, string Snippet)
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';
}

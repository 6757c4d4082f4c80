namespace BlogSite.Cms.Admin.Queries;

/// What the content list's filters offer: the types, authors and taxonomy terms the site has.
public sealed record ContentListChoices(
    IReadOnlyList<string> Types, IReadOnlyList<string> Authors, IReadOnlyList<(string Taxonomy, string Id, string Name)> Terms);

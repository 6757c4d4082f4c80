namespace BlogSite.Cms.Content.Parts;

public sealed record ListPartSettings(int PageSize = 10, IReadOnlyList<string>? ContainedContentTypes = null);

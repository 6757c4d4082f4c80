namespace BlogSite.Cms.Admin.Queries;

public sealed record TaxonomySummary(string Id, string Name, int Terms);

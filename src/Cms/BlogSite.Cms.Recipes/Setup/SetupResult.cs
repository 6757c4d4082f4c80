using BlogSite.Cms.Recipes.Execution;

namespace BlogSite.Cms.Recipes.Setup;

/// <see cref="GeneratedPassword"/> is set only when setup generated the admin's password, to be shown once.
public sealed record SetupResult(bool RanSetup, string AdminUserName, string? GeneratedPassword, RecipeReport? Report);

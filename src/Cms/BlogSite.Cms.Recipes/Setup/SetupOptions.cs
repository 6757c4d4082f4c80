using System.ComponentModel.DataAnnotations;

namespace BlogSite.Cms.Recipes.Setup;

/// Bound to "BlogSite:Setup".
public sealed class SetupOptions
{
    public const string Section = "BlogSite:Setup";

    /// Empty means the bundled recipes/blog.recipe.json next to the application.
    public string? Recipe { get; set; }

    public string? SiteName { get; set; }

    [Required(ErrorMessage = "BlogSite:Setup:AdminUserName is empty; give the first administrator's user name.")]
    public string AdminUserName { get; set; } = "admin";

    [Required(ErrorMessage = "BlogSite:Setup:AdminEmail is empty; give the first administrator's email address.")]
    [EmailAddress(ErrorMessage = "BlogSite:Setup:AdminEmail is not an email address.")]
    public string AdminEmail { get; set; } = "admin@localhost";

    /// Empty means a generated password, printed once.
    public string? AdminPassword { get; set; }

    public string RecipePath() => string.IsNullOrWhiteSpace(Recipe)
        ? Path.Combine(AppContext.BaseDirectory, "recipes", "blog.recipe.json")
        : Path.GetFullPath(Recipe);
}

namespace BlogSite.Blog.Display;

/// A resolved public page: its title and description for the layout, and the model the theme draws.
public sealed record ContentDisplay(string Title, string? Description, object Model);

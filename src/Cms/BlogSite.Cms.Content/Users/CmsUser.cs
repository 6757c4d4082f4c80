using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Content.Users;

public sealed class CmsUser : IdentityUser
{
    public bool IsEnabled { get; set; } = true;

    /// The name bylines and author pages show; the user name when empty.
    public string? DisplayName { get; set; }

    /// A few sentences about the author, shown on their page (plain text).
    public string? Bio { get; set; }

    /// The id of their picture (<see cref="UserAvatar"/>), or null for none.
    public string? AvatarId { get; set; }

    /// The name people see.
    public string ShownName => string.IsNullOrWhiteSpace(DisplayName) ? UserName ?? "" : DisplayName;
}

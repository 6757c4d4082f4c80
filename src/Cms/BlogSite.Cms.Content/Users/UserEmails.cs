using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Users;

/// One account per address: the checks that keep it so, and the lookup that refuses to guess between two accounts
/// an older import may have left sharing one (Identity's FindByEmailAsync throws then).
public static class UserEmails
{
    /// Whether an account other than <paramref name="exceptUserId"/> uses <paramref name="email"/>.
    public static Task<bool> IsEmailTakenAsync(
        this UserManager<CmsUser> users, string email, string? exceptUserId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var normalized = users.NormalizeEmail(email);
        return users.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != exceptUserId, cancellationToken);
    }

    /// The account using <paramref name="email"/>; null when none does, or when several do.
    public static async Task<CmsUser?> SoleOwnerOfEmailAsync(this UserManager<CmsUser> users, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var normalized = users.NormalizeEmail(email);
        var owners = await users.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync(cancellationToken);
        return owners is [var only] ? only : null;
    }
}

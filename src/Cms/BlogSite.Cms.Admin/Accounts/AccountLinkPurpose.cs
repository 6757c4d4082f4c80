namespace BlogSite.Cms.Admin.Accounts;

/// What an emailed link lets its holder do, and for how long.
public sealed record AccountLinkPurpose(string Name, TimeSpan Lifetime)
{
    public static readonly AccountLinkPurpose Invitation = new("Invitation", TimeSpan.FromDays(7));

    public static readonly AccountLinkPurpose PasswordReset = new("PasswordReset", TimeSpan.FromHours(2));

    public static readonly AccountLinkPurpose EmailChange = new("EmailChange", TimeSpan.FromDays(1));
}

namespace BlogSite.Cms.Content.Email;

/// A plain-text message to one person.
public sealed record EmailMessage(string To, string Subject, string Body);

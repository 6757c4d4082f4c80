namespace BlogSite.Cms.Content.Email;

/// A message that could not be handed to the mail server, with what went wrong in words an administrator can act on.
public sealed class EmailSendException(string message, Exception? inner) : Exception(message, inner);

using System.ComponentModel.DataAnnotations;

namespace BlogSite.Cms.Content.Email;

/// Bound to "BlogSite:Email". With no Host, messages are written as .eml files into <see cref="DropFolder"/>, so a
/// fresh site works (and shows that email is not set up) without a mail server.
public sealed class EmailOptions
{
    public const string Section = "BlogSite:Email";

    /// The SMTP server; empty writes messages to the drop folder instead.
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "BlogSite:Email:Port must be a TCP port (1–65535).")]
    public int Port { get; set; } = 587;

    /// How the connection is secured: Auto (TLS on port 465, STARTTLS when the server offers it), None, StartTls,
    /// SslOnConnect.
    public EmailSecurity Security { get; set; } = EmailSecurity.Auto;

    /// Sign-in to the server, when it asks for one.
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required(ErrorMessage = "BlogSite:Email:From is empty; give the sender, such as \"Blog <blog@example.org>\".")]
    public string From { get; set; } = "BlogSite <blogsite@localhost>";

    /// Relative paths are under the content root.
    [Required(ErrorMessage = "BlogSite:Email:DropFolder is empty; give the folder unsent messages are written to.")]
    public string DropFolder { get; set; } = "App_Data/mail";

    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);
}

public enum EmailSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

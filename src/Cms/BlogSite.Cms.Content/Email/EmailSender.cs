using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BlogSite.Cms.Content.Email;

/// Sends the site's messages (invitations, password resets, address confirmations) through MailKit: to the configured
/// SMTP server, or, with none configured, as .eml files in the drop folder.
public sealed class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<EmailSender> logger)
{
    // A server that accepts the connection and then says nothing must not hold a request (or the reset queue) for
    // MailKit's default two minutes.
    private const int TimeoutMilliseconds = 15_000;

    private readonly EmailOptions settings = options.Value;

    public bool UsesServer => settings.UsesServer;

    public string DropFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.DropFolder));

    /// The plain address in what someone typed ("Kim <kim@example.org>" gives "kim@example.org"), or null when it is
    /// not one address: what is stored is what mail is delivered to, so lookups by address find it.
    public static string? AddressIn(string? typed) =>
        MailboxAddress.TryParse(typed?.Trim() ?? "", out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) ? mailbox.Address : null;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!MailboxAddress.TryParse(settings.From, out var from))
        {
            throw new EmailSendException($"BlogSite:Email:From ('{settings.From}') is not an e-mail address; give one such as \"Blog <blog@example.org>\".", null);
        }

        using var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        if (!settings.UsesServer)
        {
            Directory.CreateDirectory(DropFolder);
            var file = Path.Combine(DropFolder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, cancellationToken);
            logger.LogWarning("Email is not set up (BlogSite:Email:Host); the message \"{Subject}\" to {To} was written to {File}.", message.Subject, message.To, file);
            return;
        }

        try
        {
            using var smtp = new SmtpClient { Timeout = TimeoutMilliseconds };
            await smtp.ConnectAsync(settings.Host!, settings.Port, SecureSocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await smtp.SendAsync(mime, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Refused connections, TLS and certificate failures, wrong passwords, refused recipients, timeouts: all
            // end the same way for the person who asked, with the server's own words.
            logger.LogError(e, "The message \"{Subject}\" to {To} could not be sent through {Host}:{Port}.", message.Subject, message.To, settings.Host, settings.Port);
            throw new EmailSendException(
                $"The mail server {settings.Host}:{settings.Port} (BlogSite:Email) could not take the message: {e.Message}", e);
        }
    }

    private static SecureSocketOptions SecureSocketOptions(EmailSecurity security) => security switch
    {
        EmailSecurity.None => MailKit.Security.SecureSocketOptions.None,
        EmailSecurity.StartTls => MailKit.Security.SecureSocketOptions.StartTls,
        EmailSecurity.SslOnConnect => MailKit.Security.SecureSocketOptions.SslOnConnect,
        _ => MailKit.Security.SecureSocketOptions.Auto,
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace BlogSite.Testing;

/// The Maildir of the local SMTP server tests/services/smtp.sh starts: every message a test site sent. The server
/// writes a message before it acknowledges it, so once the site's request has answered, its messages are here. Tests
/// tell their messages apart by giving each person a unique address.
public static partial class TestMailbox
{
    public static int Port { get; } = int.TryParse(Environment.GetEnvironmentVariable("BLOGSITE_TEST_SMTP_PORT"), CultureInfo.InvariantCulture, out var port) ? port : 2525;

    public static string Folder { get; } = Environment.GetEnvironmentVariable("BLOGSITE_TEST_MAILDIR") is { Length: > 0 } folder ? folder : "/tmp/blogsite-test-maildir";

    private static readonly DateTime RunStarted = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime().AddSeconds(-1);

    /// A fresh address no other test uses.
    public static string NewAddress(string name) => $"{name}-{Guid.NewGuid():N}@blogsite.test";

    /// The messages sent to <paramref name="address"/>, oldest first.
    public static IReadOnlyList<MimeMessage> To(string address)
    {
        var folder = Path.Combine(Folder, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        // Messages of earlier runs stay in the Maildir; only this run's are read.
        return [.. Directory.EnumerateFiles(folder)
            .Select(file => (File: file, Written: File.GetLastWriteTimeUtc(file)))
            .Where(f => f.Written >= RunStarted)
            .OrderBy(f => f.Written)
            .Select(f => MimeMessage.Load(f.File))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];
    }

    /// The only message sent to <paramref name="address"/>.
    public static MimeMessage SingleTo(string address) => Assert.Single(To(address));

    /// The latest message sent to <paramref name="address"/>.
    public static MimeMessage LastTo(string address) => To(address) is [.., var last] ? last : throw new InvalidOperationException($"Nothing was sent to {address}.");

    /// Waits for a message sent after the <paramref name="already"/> ones <paramref name="address"/> had (a message the
    /// site sends in the background, after its reply).
    public static async Task<MimeMessage> ArrivingAsync(string address, int already = 0)
    {
        await Eventually.TrueAsync(() => Task.FromResult(To(address).Count > already), $"a message reaches {address}");
        return LastTo(address);
    }

    /// The first link into the site in <paramref name="message"/>'s text, as a path with its query.
    public static string LinkIn(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Link().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No link in the message \"{message.Subject}\":\n{message.TextBody}");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}

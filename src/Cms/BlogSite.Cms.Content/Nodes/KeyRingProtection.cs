using System.Security.Cryptography.X509Certificates;
using BlogSite.Cms.Content.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BlogSite.Cms.Content.Nodes;

/// Encrypts the keys that sign cookies before they are written to the database, with a certificate the operator
/// configures (a .pfx with its password, or a PEM certificate with its PEM key): whoever reads a backup or the
/// database cannot forge an administrator's cookie. Without one the keys are kept as plain XML, and the start log says so.
public static class KeyRingProtection
{
    public const string Section = "BlogSite:DataProtection";

    public static bool IsConfigured(IConfiguration configuration) =>
        configuration?[$"{Section}:Certificate"] is { Length: > 0 };

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsConfigured(configuration))
        {
            return builder;
        }

        var certificate = Load(configuration);
        // Reading keys back needs the certificate too; Linux has no machine store that would find it by thumbprint.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// Once a certificate is configured, keys written before it, in plain XML, are deleted before any is used (a new
    /// one is made): a backup holding them could otherwise still forge cookies. Everyone signs in again once.
    public static async Task<int> DeleteUnencryptedKeysAsync(CmsDbContext db, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IsConfigured(configuration)
            ? await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("<masterKey")).ExecuteDeleteAsync(cancellationToken)
            : 0;
    }

    private static X509Certificate2 Load(IConfiguration configuration)
    {
        var path = configuration[$"{Section}:Certificate"]!;
        var keyPath = configuration[$"{Section}:CertificateKey"];
        var password = configuration[$"{Section}:CertificatePassword"];
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:Certificate names '{path}', which is not a file.");
        }

        if (keyPath is { Length: > 0 } && !File.Exists(keyPath))
        {
            throw new InvalidOperationException($"{Section}:CertificateKey names '{keyPath}', which is not a file.");
        }

        var certificate = keyPath is { Length: > 0 }
            ? password is { Length: > 0 } ? X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath) : X509Certificate2.CreateFromPemFile(path, keyPath)
            : Path.GetExtension(path).ToUpperInvariant() is ".PFX" or ".P12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
                : X509Certificate2.CreateFromPemFile(path);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"{Section}:Certificate '{path}' has no private key: give a .pfx with its {Section}:CertificatePassword, or the PEM key as {Section}:CertificateKey.");
        }

        return certificate;
    }
}

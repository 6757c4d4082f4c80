using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BlogSite.Cms.Content.Nodes;
using BlogSite.Cms.Content.Storage;
using BlogSite.IntegrationTests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Hardening;

/// Two sites on one machine each sign cookies with keys of their own, so an administrator's cookie from one is a
/// stranger's on the other; with a certificate configured, the keys in the database are encrypted with it.
public sealed class CookieKeyTests(CookieKeyTests.EncryptedKeysSite encrypted, AdminSite plain)
    : IClassFixture<CookieKeyTests.EncryptedKeysSite>, IClassFixture<AdminSite>
{
    [Fact]
    public async Task AnAdministratorsCookieFromOneSiteIsRefusedByTheOther()
    {
        var fromEncrypted = await AdministratorCookieAsync(encrypted);
        var fromPlain = await AdministratorCookieAsync(plain);

        Assert.Equal(HttpStatusCode.OK, await DashboardStatusAsync(encrypted, fromEncrypted));
        Assert.Equal(HttpStatusCode.OK, await DashboardStatusAsync(plain, fromPlain));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardStatusAsync(plain, fromEncrypted));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardStatusAsync(encrypted, fromPlain));
    }

    [Fact]
    public async Task WithACertificateConfiguredTheStoredKeysAreEncrypted()
    {
        var encryptedKeys = await StoredKeysAsync(encrypted);
        var plainKeys = await StoredKeysAsync(plain);

        Assert.All(encryptedKeys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(encryptedKeys, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        Assert.All(plainKeys, xml => Assert.Contains("<masterKey", xml, StringComparison.Ordinal));
    }

    private static async Task<string> AdministratorCookieAsync(AdminSite site)
    {
        using var client = site.NewClient();
        using var response = await AdminSite.SignInAsync(client, AdminSite.UserNameOf("Administrator"), AdminSite.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// The dashboard asked for with only <paramref name="cookie"/>: 200 when it signs someone in, a redirect to the
    /// sign-in page when not.
    private static async Task<HttpStatusCode> DashboardStatusAsync(AdminSite site, string cookie)
    {
        using var client = site.Factory.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<List<string>> StoredKeysAsync(AdminSite site)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync();
        Assert.NotEmpty(keys);
        return keys;
    }

    /// A site whose key ring is encrypted with a certificate made for the test (a .pfx with a password).
    public sealed class EncryptedKeysSite : AdminSite
    {
        private static readonly Lazy<string> CertificatePath = new(() =>
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=BlogSite key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            // Beside the test assembly, not in the temporary folder: written once per run and never left behind.
            var path = Path.Combine(AppContext.BaseDirectory, "key-ring-test.pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
            return path;
        });

        private const string CertificatePassword = "key ring test";

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            [$"{KeyRingProtection.Section}:Certificate"] = CertificatePath.Value,
            [$"{KeyRingProtection.Section}:CertificatePassword"] = CertificatePassword,
        };
    }
}

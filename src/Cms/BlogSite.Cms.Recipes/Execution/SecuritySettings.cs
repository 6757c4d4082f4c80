using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlogSite.Cms.Recipes.Execution;

/// Site settings that decide how the site can be reached or signed in to: the Base URL every absolute link and the
/// page cache follow, the super user and the CDN scripts may come from, and Orchard Core's sign-in, registration,
/// password, HTTPS, proxy, CORS and OpenID settings (kept and exported again, so a site moved back to Orchard Core
/// uses them, whether they come in a settings step or in a step of their own such as `OpenIdServerSettings`). A
/// recipe sets them only with the 'settings' scope.
public static partial class SecuritySettings
{
    public static bool IsSecuritySetting(string key) =>
        string.Equals(key, "BaseUrl", StringComparison.OrdinalIgnoreCase) || SecurityWord().IsMatch(key ?? "");

    /// The first property of a settings step that is a security setting, or null.
    public static string? FirstIn(JsonObject step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Select(p => p.Key).FirstOrDefault(IsSecuritySetting);
    }

    // Whole words of a PascalCase name ("TwoFactorLoginSettings"), so "BlogIndex" does not read as "logIn".
    [GeneratedRegex("(?<![a-z])(Login|Registration|Password|Https|Cors|ReverseProxy|Security|OpenId|Authentication|TwoFactor|AzureAD|MicrosoftAccount|ChangeEmail|SuperUser|Cdn)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityWord();
}

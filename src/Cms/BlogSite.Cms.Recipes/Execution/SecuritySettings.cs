using System.Text.Json.Nodes;

namespace BlogSite.Cms.Recipes.Execution;

/// Site settings that decide how the site can be reached or signed in to: the Base URL every absolute link and the
/// page cache follow, and Orchard Core's sign-in, registration, password, HTTPS, proxy, CORS and OpenID settings
/// (kept and exported again, so a site moved back to Orchard Core uses them). A recipe sets them only with the
/// 'settings' scope.
public static class SecuritySettings
{
    private static readonly string[] Words =
    [
        "Login", "Registration", "Password", "Https", "Cors", "ReverseProxy", "Security", "OpenId", "Authentication",
        "TwoFactor", "AzureAD", "MicrosoftAccount", "ChangeEmail",
    ];

    public static bool IsSecuritySetting(string key) =>
        string.Equals(key, "BaseUrl", StringComparison.OrdinalIgnoreCase)
        || Words.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// The first property of a settings step that is a security setting, or null.
    public static string? FirstIn(JsonObject step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Select(p => p.Key).FirstOrDefault(IsSecuritySetting);
    }
}

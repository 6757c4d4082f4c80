using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BlogSite.Cms.Recipes.Scripting;

/// What a recipe's `configuration()` may read: only keys on an allow-list of values that are not secret, so a recipe
/// from an Import page or a deployment key cannot put a password or a connection string on a public page.
public sealed class RecipeConfiguration(IConfiguration configuration, IOptions<RecipeConfigurationOptions> options)
{
    /// The value of <paramref name="key"/>, or null when it is not set; throws when recipes may not read it.
    public string? Read(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var readable = options.Value.ReadableConfiguration;
        if (!readable.Any(allowed => Allows(allowed, key)))
        {
            throw new ScriptException(
                $"configuration('{key}') is not readable by recipes; they may read {string.Join(", ", readable.Select(k => $"'{k}'"))} " +
                $"(more keys are added under {RecipeConfigurationOptions.Section}:{nameof(RecipeConfigurationOptions.ReadableConfiguration)}).");
        }

        return configuration[key];
    }

    /// An entry is a key, or a section followed by ":*" for every key under it.
    private static bool Allows(string allowed, string key) =>
        allowed.EndsWith(":*", StringComparison.Ordinal)
            ? key.StartsWith(allowed[..^1], StringComparison.OrdinalIgnoreCase) && !key.Contains("..", StringComparison.Ordinal)
            : string.Equals(allowed, key, StringComparison.OrdinalIgnoreCase);
}

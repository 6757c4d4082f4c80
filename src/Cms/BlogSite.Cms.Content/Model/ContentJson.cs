using System.Text.Encodings.Web;
using System.Text.Json;

namespace BlogSite.Cms.Content.Model;

/// The one set of JSON options used for content, definitions and recipes.
public static class ContentJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        WriteIndented = false,
    };

    public static JsonSerializerOptions Indented { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

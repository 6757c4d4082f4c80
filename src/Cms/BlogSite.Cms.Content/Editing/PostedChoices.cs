using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Content.Editing;

/// A choice input that takes several values posts its name once per value, while editors bind one value per key:
/// this puts every posted value of such a key back, one per line, as choice inputs read them.
public static class PostedChoices
{
    /// For each "<paramref name="prefix"/>[key]" posted more than once, sets values[key] to all its values.
    public static void Collect(IFormCollection form, string prefix, IDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, posted) in form)
        {
            if (posted.Count > 1 && name.StartsWith(prefix + "[", StringComparison.Ordinal) && name.EndsWith(']'))
            {
                values[name[(prefix.Length + 1)..^1]] = EditorChoice.Join(posted.OfType<string>());
            }
        }
    }
}

using BlogSite.Blog.Parts;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Blog.Editing;

/// The fields a post's type has beyond those the post editor lays out itself (a "Source URL" an administrator added):
/// each gets its kind's input, below the post's own details, and is saved with the post.
public sealed class PostExtraFields(ContentEditorForms forms)
{
    /// Posted with the editor's form, so a save that carries no extra fields (an older page) changes none.
    public const string PresentKey = "__present";

    public async Task<IReadOnlyList<EditorInput>> InputsAsync(ContentItem? post, CancellationToken cancellationToken = default) =>
        await forms.ForAsync(BlogContentDefinitions.BlogPost, post, cancellationToken) is { } form ? ExtraOf(form) : [];

    /// Writes the posted extra fields into <paramref name="post"/>; returns what is wrong with them, by input key.
    public async Task<IReadOnlyDictionary<string, string>> ApplyAsync(PostForm form, ContentItem post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new Dictionary<string, string>();
        if (form.Extra.ContainsKey(PresentKey) && await forms.ForAsync(BlogContentDefinitions.BlogPost, post, cancellationToken) is { } editor)
        {
            ContentEditorInputs.Apply(ExtraOf(editor), form.Extra, post, editor.Site, problems);
        }

        return problems;
    }

    /// The inputs of the type's own fields but those the post editor lays out itself.
    private static IReadOnlyList<EditorInput> ExtraOf(ContentEditorForm form)
    {
        var prefix = BlogContentDefinitions.BlogPost + ".";
        return [.. form.Inputs.Where(i => i.Key.StartsWith(prefix, StringComparison.Ordinal)
            && !BlogPost.LaidOutFields.Contains(i.Key[prefix.Length..].Split('.')[0], StringComparer.Ordinal))];
    }
}

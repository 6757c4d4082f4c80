using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Editing;

/// A post's comma-separated tags: at most <see cref="MaxTags"/>, each a term name of allowed length. Saving a post
/// with 1,000 new tags took a second and grew the Tags page past what a server can render.
[AttributeUsage(AttributeTargets.Property)]
public sealed class TagListWithinLimitsAttribute : ValidationAttribute
{
    public const int MaxTags = 50;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var names = (value as string ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string? problem = names.Count > MaxTags
            ? string.Create(CultureInfo.InvariantCulture, $"A post takes at most {MaxTags} tags; this list has {names.Count:N0}.")
            : names.FirstOrDefault(n => n.Length > TermTree.MaxNameLength) is { } tooLong
                ? $"Keep each tag under {TermTree.MaxNameLength} characters ('{tooLong[..20]}…' has {tooLong.Length})."
                : null;
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult(problem, validationContext?.MemberName is { } member ? [member] : null);
    }
}

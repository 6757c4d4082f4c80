using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Definitions;

/// A part a type can be given in the admin: what it does, and whether a new type usually has it.
public sealed record ContentPartKind(string Name, string Description, bool Usual = false);

/// A kind of field the admin offers, with the name editors read.
public sealed record ContentFieldKind(string Kind, string DisplayName);

/// Every part and field kind the content-types admin offers: the CMS's own and those modules register.
public sealed class ContentKinds(IEnumerable<ContentPartKind> parts, IEnumerable<ContentFieldKind> fields)
{
    public IReadOnlyList<ContentPartKind> Parts { get; } = [.. parts.DistinctBy(p => p.Name)];

    public IReadOnlyList<ContentFieldKind> Fields { get; } = [.. fields.DistinctBy(f => f.Kind)];

    public bool PartExists(string name) => Parts.Any(p => p.Name == name);

    public bool FieldExists(string kind) => Fields.Any(f => f.Kind == kind);

    public string FieldDisplayName(string kind) => Fields.FirstOrDefault(f => f.Kind == kind)?.DisplayName ?? kind;
}

/// How a module offers its part or field kind in the content-types admin.
public static class ContentKindRegistration
{
    public static IServiceCollection AddContentPartKind(this IServiceCollection services, string name, string description, bool usual = false) =>
        services.AddSingleton(new ContentPartKind(name, description, usual));

    public static IServiceCollection AddContentFieldKind(this IServiceCollection services, string kind, string displayName) =>
        services.AddSingleton(new ContentFieldKind(kind, displayName));
}

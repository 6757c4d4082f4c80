using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Parts;

/// The parts a type can be given in the admin, with what each does and whether a new type usually has it.
public static class ContentPartKinds
{
    public static IReadOnlyList<(string Name, string Description, bool Usual)> All { get; } =
    [
        (ContentParts.NameOf<TitlePart>(), "Title", true),
        (ContentParts.NameOf<AutoroutePart>(), "Address (Autoroute): a path of its own", true),
        (ContentParts.NameOf<MarkdownBodyPart>(), "Body in Markdown", true),
        (ContentParts.NameOf<HtmlBodyPart>(), "Body in HTML", false),
        (ContentParts.NameOf<ContainedPart>(), "Can be placed in a list", false),
        (ContentParts.NameOf<ListPart>(), "Holds a list of items", false),
        (ContentParts.NameOf<PublishLaterPart>(), "Can be scheduled", false),
        (ContentParts.NameOf<AliasPart>(), "Alias: a handle for templates", false),
    ];

    public static bool Exists(string name) => All.Any(p => p.Name == name);
}

using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Drivers;

/// The editor of one part ("TitlePart", "AutoroutePart"), registered by the code that defines the part with
/// <see cref="ContentDriverRegistration.AddContentPart{TDriver}"/>. A part with no driver is kept as it is stored.
public interface IContentPartDriver
{
    /// The part's name, as definitions name it.
    string PartName { get; }

    /// The inputs the part shows in an editor; each writes under its key ("Part.Property").
    Task<IReadOnlyList<EditorInput>> EditAsync(PartEditContext context, CancellationToken cancellationToken);
}

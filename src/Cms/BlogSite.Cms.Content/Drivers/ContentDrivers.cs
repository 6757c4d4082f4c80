namespace BlogSite.Cms.Content.Drivers;

/// The registered drivers by part and field name; a later registration of a name replaces an earlier one, so a
/// module can give a CMS part or field its own editor.
public sealed class ContentDrivers(IEnumerable<IContentPartDriver> parts, IEnumerable<IContentFieldDriver> fields)
{
    private readonly Dictionary<string, IContentPartDriver> partsByName = Index(parts, p => p.PartName);
    private readonly Dictionary<string, IContentFieldDriver> fieldsByName = Index(fields, f => f.FieldName);

    public IContentPartDriver? Part(string partName) => partsByName.GetValueOrDefault(partName);

    public IContentFieldDriver? Field(string fieldName) => fieldsByName.GetValueOrDefault(fieldName);

    private static Dictionary<string, T> Index<T>(IEnumerable<T> drivers, Func<T, string> nameOf)
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var driver in drivers)
        {
            byName[nameOf(driver)] = driver;
        }

        return byName;
    }
}

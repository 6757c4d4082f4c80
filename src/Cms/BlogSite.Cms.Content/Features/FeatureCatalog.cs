namespace BlogSite.Cms.Content.Features;

/// Every feature the host's projects declare.
public sealed class FeatureCatalog(IEnumerable<FeatureDescriptor> features)
{
    private readonly Dictionary<string, FeatureDescriptor> byId =
        features.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<FeatureDescriptor> All => byId.Values;

    public FeatureDescriptor? Find(string id) => byId.GetValueOrDefault(id);

    /// The features named and everything they depend on, dependencies first; ids the catalog lacks come back apart.
    public (IReadOnlyList<FeatureDescriptor> Ordered, IReadOnlyList<string> Unknown) Resolve(IEnumerable<string> ids)
    {
        var ordered = new List<FeatureDescriptor>();
        var unknown = new List<string>();
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Visit(string id)
        {
            if (done.Contains(id))
            {
                return;
            }

            if (!byId.TryGetValue(id, out var feature))
            {
                if (!unknown.Contains(id, StringComparer.OrdinalIgnoreCase))
                {
                    unknown.Add(id);
                }

                return;
            }

            if (!visiting.Add(id))
            {
                throw new InvalidOperationException($"Feature '{id}' depends on itself through its dependencies.");
            }

            foreach (var dependency in feature.Dependencies)
            {
                Visit(dependency);
            }

            visiting.Remove(id);
            done.Add(id);
            ordered.Add(feature);
        }

        foreach (var id in ids)
        {
            Visit(id);
        }

        return (ordered, unknown);
    }

    /// The features named and every feature that depends on them, directly or through others.
    public IReadOnlyList<FeatureDescriptor> WithDependents(IEnumerable<string> ids)
    {
        var off = new HashSet<string>(ids.Where(byId.ContainsKey), StringComparer.OrdinalIgnoreCase);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var feature in byId.Values.Where(f => !off.Contains(f.Id) && f.Dependencies.Any(off.Contains)))
            {
                off.Add(feature.Id);
                grew = true;
            }
        }

        return [.. byId.Values.Where(f => off.Contains(f.Id)).OrderBy(f => f.Id, StringComparer.Ordinal)];
    }
}

namespace BlogSite.Cms.Content.Features;

/// Told when features are switched on, after they are recorded, in the same unit of work.
public interface IFeatureListener
{
    Task EnabledAsync(IReadOnlyList<FeatureDescriptor> enabled, CancellationToken cancellationToken);
}

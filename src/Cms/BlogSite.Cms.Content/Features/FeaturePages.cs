using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace BlogSite.Cms.Content.Features;

/// Puts the Razor pages of a module's assembly under its feature (but those named in <paramref name="except"/>, such
/// as an error page the whole site uses).
public sealed class FeaturePages(Assembly assembly, string featureId, params string[] except) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.HandlerType.Assembly == assembly && !except.Contains(model.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            model.EndpointMetadata.Add(new RequiredFeature(featureId));
        }
    }
}

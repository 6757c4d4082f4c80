using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using Fluid;
using Fluid.Values;

namespace BlogSite.Cms.Content.Routing;

/// An Autoroute pattern as Orchard Core writes it, in Liquid: "blog/{{ Model.ContentItem | display_text | slugify }}"
/// or "{{ Model.ContentItem | container | display_text | slugify }}/{{ Model.ContentItem | display_text | slugify }}".
/// Orchard Core's filters are there: display_text, slugify, container.
public sealed class AutoroutePattern
{
    private const string LoaderKey = "BlogSite.ContentLoader";
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();
    private readonly IFluidTemplate template;

    private AutoroutePattern(IFluidTemplate template) => this.template = template;

    /// Reads a pattern; the message says what is wrong with one that is not Liquid.
    public static bool TryParse(string pattern, out AutoroutePattern? parsed, out string? error)
    {
        if (Parser.TryParse(pattern ?? "", out var template, out error))
        {
            parsed = new AutoroutePattern(template);
            return true;
        }

        parsed = null;
        return false;
    }

    /// The item's path (no leading or trailing slash); <paramref name="load"/> finds an item by id, for container.
    public async Task<string> RenderAsync(ContentItem item, Func<string, Task<ContentItem?>> load)
    {
        var model = new AutorouteModel(item);
        var context = new TemplateContext(model, Options);
        context.SetValue("Model", model);
        context.AmbientValues[LoaderKey] = load;
        var path = await template.RenderAsync(context);
        return string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.Register<AutorouteModel>();
        options.MemberAccessStrategy.Register<ContentItem>();
        options.Filters.AddFilter("slugify", (input, _, _) => new StringValue(SlugGenerator.Slugify(input.ToStringValue())));
        options.Filters.AddFilter("display_text", (input, _, _) =>
            new StringValue(input.ToObjectValue() is ContentItem item ? item.DisplayText : input.ToStringValue()));
        options.Filters.AddFilter("container", ContainerAsync);
        return options;
    }

    private static async ValueTask<FluidValue> ContainerAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.ToObjectValue() is ContentItem item
            && item.As<ContainedPart>()?.ListContentItemId is { } containerId
            && context.AmbientValues.TryGetValue(LoaderKey, out var value) && value is Func<string, Task<ContentItem?>> load
            && await load(containerId) is { } container)
        {
            return FluidValue.Create(container, context.Options);
        }

        return NilValue.Instance;
    }

    /// What a pattern sees: the item, as Model.ContentItem or ContentItem.
    private sealed record AutorouteModel(ContentItem ContentItem);
}

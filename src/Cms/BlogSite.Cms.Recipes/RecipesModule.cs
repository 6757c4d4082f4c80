using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Recipes.Deployment;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Export;
using BlogSite.Cms.Recipes.Scripting;
using BlogSite.Cms.Recipes.Setup;
using BlogSite.Cms.Recipes.Steps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using BlogSite.Cms.Content.Hosting;

namespace BlogSite.Cms.Recipes;

/// The recipe layer's table of contents: its feature, its steps, the executor, export and setup.
public static class RecipesModule
{
    public static readonly FeatureDescriptor[] Features =
    [
        new("OrchardCore.Recipes", "Recipes", "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Deployment", "Deployment plans", "OrchardCore.Recipes"),
        new(RemoteDeploymentFeature, "Remote deployment: receive recipes from API clients", "OrchardCore.Deployment"),
    ];

    public const string RemoteDeploymentFeature = "OrchardCore.Deployment.Remote";

    public static IServiceCollection AddCmsRecipes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCmsFeatures(Features);

        // Steps, in the order Orchard Core's recipes usually list them.
        services.AddScoped<IRecipeStep, FeatureStep>();
        services.AddScoped<IRecipeStep, ThemesStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, UsersStep>();
        services.AddScoped<IRecipeStep, ContentDefinitionStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<IRecipeStep, MediaStep>();
        services.AddScoped<IRecipeStep, DeploymentStep>();
        services.AddScoped<IRecipeStep, RecipesStep>();

        services.AddScoped<KeptStepStore>();
        services.AddSingleton<RecipeCatalog>();
        services.Configure<RecipeCatalogOptions>(configuration.GetSection(RecipeCatalogOptions.Section));
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<RecipeExporter>();
        services.AddScoped<ExportDownload>();

        // Remote deployment: API clients on the target, the pushing client on the source.
        services.AddScoped<ApiClientStore>();
        services.AddSingleton<PendingImports>();
        services.AddSingleton<RecipeConfiguration>();
        services.AddHostedService<AbandonedWorkCleanup>();
        services.Configure<RecipeConfigurationOptions>(configuration.GetSection(RecipeConfigurationOptions.Section));
        // A whole site's package with its media can take minutes to send and import.
        services.AddHttpClient<DeploymentClient>(http => http.Timeout = TimeSpan.FromMinutes(30));

        services.AddValidatedOptions<SetupOptions>(configuration, SetupOptions.Section);
        services.AddScoped<AdministratorAccount>();
        services.AddScoped<SetupService>();
        return services;
    }
}

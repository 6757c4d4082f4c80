using BlogSite.Blog;
using BlogSite.Cms.Admin;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Hosting;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Nodes;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Themes;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes;
using BlogSite.Cms.Recipes.Deployment;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Setup;
using BlogSite.Theme;
using BlogSite.Theme.Plain;
using HealthChecks.UI.Client;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Web.Hosting;

/// The host's table of contents: which projects plug in, how the site sets itself up, and the request pipeline.
public static class BlogSiteApp
{
    public static WebApplicationBuilder AddBlogSite(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The theme's CSS is a static web asset of its project; serve it from the build output in every environment.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddBlogSiteServices(builder.Configuration);
        var health = builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<MediaFolderHealthCheck>("media", tags: [ReadyTag]);
        if (RedisOptions.From(builder.Configuration).Enabled)
        {
            health.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        return builder;
    }

    /// Everything but the web pipeline, shared by the site and the command line.
    public static IServiceCollection AddBlogSiteServices(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddCmsContent(configuration)
            .AddCmsRecipes(configuration)
            .AddCmsAdmin(configuration)
            .AddBlogModule()
            .AddBlogSiteTheme()
            .AddPlainTheme();

    /// Runs the setup recipe against an empty database. False means setup failed and the host must not serve.
    public static async Task<bool> SetUpBlogSiteAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BlogSite.Setup");
        await using var scope = app.Services.CreateAsyncScope();
        LogDataPaths(app, scope.ServiceProvider, logger);
        try
        {
            SetupResult result;
            // Nodes starting together on one empty database set it up once: the others wait, then find it done.
            await using (await scope.ServiceProvider.GetRequiredService<SetupLock>().AcquireAsync(CancellationToken.None))
            {
                result = await scope.ServiceProvider.GetRequiredService<SetupService>().SetUpIfNeededAsync();
                await scope.ServiceProvider.GetRequiredService<SystemRoles>().EnsureAsync();
                if (await KeyRingProtection.DeleteUnencryptedKeysAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>(), app.Configuration) is > 0 and var deleted)
                {
                    logger.LogWarning("Deleted {Count} cookie keys stored before the certificate was configured; everyone signs in again.", deleted);
                }

                // The first node makes the key that signs cookies while the others wait, so no two nodes each make one.
                app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("BlogSite.Setup").Protect("key ring");
            }

            app.Services.GetRequiredService<StartupWarmUps>().Begin();
            await WarnWithoutBaseUrlAsync(app, scope.ServiceProvider, logger);
            if (!result.RanSetup)
            {
                return true;
            }

            logger.LogInformation(
                "Set up from the recipe: {Created} items created, {Warnings} warnings.",
                result.Report?.Created, result.Report?.Warnings.Count);
            foreach (var warning in result.Report?.Warnings ?? [])
            {
                logger.LogWarning("Recipe warning: {Warning}", warning);
            }

            if (result.GeneratedPassword is not null)
            {
                Console.WriteLine($"""

                    ==========================================================
                     BlogSite is set up. Sign in at /login as '{result.AdminUserName}'
                     with this password (shown once, change it after signing in):
                         {result.GeneratedPassword}
                    ==========================================================

                    """);
            }

            return true;
        }
        catch (RecipeException e)
        {
            logger.LogCritical("Setup failed; nothing was written. Fix the recipe and start again:{NewLine}{Errors}", Environment.NewLine, e.Message);
            return false;
        }
    }

    private const string ReadyTag = "ready";

    /// Without a Base URL, canonical links, feeds and sitemaps name whatever host a request says it is for, and no
    /// page is cached; with AllowedHosts left at "*" any host is answered.
    private static async Task WarnWithoutBaseUrlAsync(WebApplication app, IServiceProvider services, ILogger logger)
    {
        if ((await services.GetRequiredService<SiteSettingsStore>().GetAsync()).BaseUrl is null)
        {
            logger.LogWarning("The site has no Base URL (Settings in the admin): absolute links follow each request's Host header and pages are not cached.");
        }

        if (app.Configuration["AllowedHosts"] is null or "*")
        {
            logger.LogWarning("AllowedHosts is '*': set it to the site's host names so requests naming any other host are refused.");
        }
    }

    /// Where this node keeps its data, so an operator starting it from a service manager sees which files it uses.
    private static void LogDataPaths(WebApplication app, IServiceProvider services, ILogger logger)
    {
        var redis = RedisOptions.From(app.Configuration);
        logger.LogInformation(
            "Content root {ContentRoot}; {Database}; media folder {Media}; {Redis}.",
            app.Environment.ContentRootPath, DatabaseLocation.Describe(services.GetRequiredService<CmsDbContext>().Database),
            services.GetRequiredService<MediaStore>().Root,
            redis.Enabled
                ? $"nodes meet on Redis {string.Join(", ", StackExchange.Redis.ConfigurationOptions.Parse(redis.Configuration!).EndPoints)}"
                : "a single node (no Redis)");
        if (!KeyRingProtection.IsConfigured(app.Configuration))
        {
            logger.LogWarning(
                "The keys that sign cookies are stored unencrypted in the database; set {Setting} to a certificate to encrypt them.",
                $"{KeyRingProtection.Section}:Certificate");
        }
    }

    public static WebApplication MapBlogSite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Behind nginx: the reader's address and scheme come from the proxy's headers, trusted from loopback and the
        // configured proxies only, so the sign-in limit counts readers, not the proxy, and cookies are Secure under TLS.
        app.UseForwardedHeaders(TrustedProxies.OptionsFrom(app.Configuration));
        // Readers never see a stack trace, in any environment.
        app.UseExceptionHandler("/error");
        app.UseNulCharacterGuard();
        app.UsePublicSecurityHeaders();
        // Only answers over HTTPS carry it (behind a TLS proxy, X-Forwarded-Proto says so), and never for localhost.
        app.UseHsts();
        // Cached pages for anonymous readers are answered here, before anything else runs.
        app.UsePublicPageCaching();
        // Media is served before routing, or the public catch-all route would claim /media/… first.
        app.UseCmsMedia();
        app.UseRouting();
        // A disabled feature's pages and endpoints answer 404 before anything else looks at them.
        app.UseFeatureGate();
        app.UseSiteTheme();
        app.UseCmsAdmin();
        app.MapStaticAssets();
        // /health/live: the process answers (a service manager restarts it when not); /health/ready: it can serve,
        // with what it depends on (a load balancer sends it requests only then). Both in the health-check JSON format.
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = UIResponseWriter.WriteHealthCheckUIResponse });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = UIResponseWriter.WriteHealthCheckUIResponse });
        app.MapUserPictures();
        app.MapRemoteDeployment();
        app.MapBlogModule();
        return app;
    }
}

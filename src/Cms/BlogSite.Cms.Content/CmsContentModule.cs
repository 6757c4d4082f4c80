using System.Data.Common;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Email;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Menus;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Nodes;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Themes;
using Microsoft.AspNetCore.Mvc.Razor;
using BlogSite.Cms.Content.Search;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Taxonomies;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using BlogSite.Cms.Content.Hosting;

namespace BlogSite.Cms.Content;

/// The content layer's table of contents: its features, its storage and its services.
public static class CmsContentModule
{
    /// The background publishing of scheduled versions; while it is off, schedules wait.
    public const string PublishLaterFeature = "OrchardCore.PublishLater";

    public static readonly FeatureDescriptor[] Features =
    [
        new("OrchardCore.Settings", "Site settings") { AlwaysEnabled = true },
        new("OrchardCore.HomeRoute", "Home route", "OrchardCore.Settings") { AlwaysEnabled = true },
        new("OrchardCore.Contents", "Content items and versions") { AlwaysEnabled = true },
        new("OrchardCore.ContentTypes", "Content type definitions", "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Title", nameof(TitlePart), "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Autoroute", nameof(AutoroutePart), "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Markdown", nameof(MarkdownBodyPart), "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Html", nameof(HtmlBodyPart), "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.ContentFields", "Content fields", "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Lists", "ListPart and ContainedPart", "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Media", "Media files and MediaField", "OrchardCore.Contents") { AlwaysEnabled = true },
        new("OrchardCore.Taxonomies", "Taxonomies", "OrchardCore.Contents", "OrchardCore.Title", "OrchardCore.Autoroute")
        {
            AlwaysEnabled = true,
            ContentDefinitions = TaxonomyType(),
        },
        new("OrchardCore.Menu", "Menus", "OrchardCore.Contents", "OrchardCore.Title")
        {
            AlwaysEnabled = true,
            ContentDefinitions = MenuDefinitions.Build(),
        },
        new(PublishLaterFeature, "Publish later: scheduled versions go live on time", "OrchardCore.Contents") { OnByDefault = true },
        new("OrchardCore.Roles", "Roles and permissions") { AlwaysEnabled = true },
        new("OrchardCore.Users", "Users", "OrchardCore.Roles") { AlwaysEnabled = true },
    ];

    public static IServiceCollection AddCmsContent(this IServiceCollection services, IConfiguration configuration)
    {
        // Storage: one DbContext type per provider, so each keeps its own migrations. Options are read when the first
        // context is made, so hosts and tests can still change configuration after registration.
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        // Contexts are pooled: setting up a fresh context's services was a tenth of an uncached page's time.
        services.AddDbContextPool<SqliteCmsDbContext>((sp, o) => o.UseSqlite(SqliteConnectionString(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
            sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()))
            .AddInterceptors(sp.GetRequiredService<SiteChangeInterceptor>()));
        services.AddDbContextPool<PostgreSqlCmsDbContext>((sp, o) => o.UseNpgsql(
            PostgreSqlConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString))
            .AddInterceptors(sp.GetRequiredService<SiteChangeInterceptor>()));
        // What a save changes for readers reaches the output cache and the list counts once it is committed.
        services.AddSingleton<SiteChangeInterceptor>();
        services.AddSingleton<SiteChangeFeed>();
        services.AddSingleton<ListFacts>();
        services.AddSingleton(_ => new GenerationalCache<string, RouteMatch>(RouteResolver.Capacity));
        // Nodes first: with Redis, the pages' store is Redis's, which the page cache then wraps.
        services.AddCmsNodes(configuration);
        services.AddPublicPageCaching(configuration);
        services.AddScoped<CmsDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
                ? sp.GetRequiredService<PostgreSqlCmsDbContext>()
                : sp.GetRequiredService<SqliteCmsDbContext>());

        services.AddScoped<IFullTextIndex>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
                ? new PostgreSqlFullTextIndex(sp.GetRequiredService<CmsDbContext>(), sp.GetRequiredService<BulkInserter>(), sp.GetRequiredService<SearchVectorDeferral>())
                : new SqliteFullTextIndex(sp.GetRequiredService<CmsDbContext>(), sp.GetRequiredService<BulkInserter>()));
        services.AddScoped<SearchVectorDeferral>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<BulkInserter>();
        services.AddScoped<BulkUpdater>();
        services.AddScoped<PlannerStatistics>();
        services.AddScoped<BulkWriteCache>();
        services.AddScoped<DatabaseMigrator>();

        // Content engine.
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentDependents>();
        services.AddScoped<ContentBatchImporter>();
        services.AddScoped<ContentVersionImporter>();
        services.AddScoped<ContentIndexWriter>();
        services.AddScoped<SearchText>();
        services.AddContentIndexProvider<SearchIndexProvider>();
        services.AddScoped<ContentDefinitionStore>();
        services.AddScoped<ContentTypeEditor>();
        services.AddScoped<ContentKinds>();
        foreach (var (name, description, usual) in ContentPartKinds.All)
        {
            services.AddContentPartKind(name, description, usual);
        }

        foreach (var (kind, displayName) in ContentFieldKinds.All)
        {
            services.AddContentFieldKind(kind, displayName);
        }

        services.AddScoped<ContentFieldEditor>();
        services.AddScoped<SiteSettingsStore>();
        services.AddScoped<TermCatalog>();
        services.AddScoped<TaxonomyEditor>();
        services.AddScoped<TermUsages>();
        services.AddScoped<LiveItemSaver>();
        services.AddScoped<RouteResolver>();
        services.AddScoped<RouteAvailability>();
        services.AddScoped<RouteHistoryKeeper>();
        services.AddScoped<AutoroutePaths>();
        services.AddScoped<HomeRoute>();
        services.AddScoped<MenuQueries>();
        services.AddScoped<MenuTargets>();
        services.AddScoped<MenuEditor>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<FieldDisplays>();

        // Editors and displays of the CMS's own parts and fields; modules add theirs the same way.
        services.AddMemoryCache();
        services.AddScoped<SiteThemes>();
        services.Configure<RazorViewEngineOptions>(razor => razor.ViewLocationExpanders.Add(new ThemeViewLocations()));
        services.AddScoped<ContentDrivers>();
        services.TryAddSingleton<PermissionCatalog>();
        services.AddScoped<ContentEditorInputs>();
        services.AddContentPart<TitlePartDriver>();
        services.AddContentPart<AutoroutePartDriver>();
        services.AddContentPart<MarkdownBodyPartDriver>();
        services.AddContentPart<HtmlBodyPartDriver>();
        services.AddContentField<TextFieldDriver>();
        services.AddContentField<MarkdownFieldDriver>();
        services.AddContentField<HtmlFieldDriver>();
        services.AddContentField<BooleanFieldDriver>();
        services.AddContentField<NumericFieldDriver>();
        services.AddContentField<DateTimeFieldDriver>();
        services.AddContentField<LinkFieldDriver>();
        services.AddContentField<ContentPickerFieldDriver>();
        services.AddContentField<MediaFieldDriver>();
        services.AddContentField<TaxonomyFieldDriver>();
        services.AddScoped<NestedItemDisplays>();

        // Editing: versions, drafts and the scheduled publisher.
        services.AddScoped<ContentDrafts>();
        services.AddScoped<ContentReview>();
        services.AddScoped<ContentEditorForms>();
        services.AddScoped<ContentItemEditor>();
        services.AddScoped<ContentVersionWriter>();
        services.AddScoped<IFeatureListener, PublishLaterSwitch>();
        services.AddScoped<NestedItemEditor>();
        services.AddSingleton<PublishingSchedule>();
        services.AddHostedService<ScheduledPublisher>();
        services.AddSingleton<SearchVectorFiller>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchVectorFiller>());
        services.AddSingleton<StartupWarmUps>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupWarmUps>());

        // Media files.
        services.AddValidatedOptions<MediaOptions>(configuration, MediaOptions.Section);
        services.AddSingleton<MediaStore>();
        services.AddSingleton<ResizedImages>();
        services.AddSingleton<ResponsiveImageMarkup>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<UserPictures>();
        services.AddScoped<MediaDescriptions>();

        // Email: an SMTP server when configured, a drop folder of .eml files otherwise.
        services.AddValidatedOptions<EmailOptions>(configuration, EmailOptions.Section);
        services.AddSingleton<EmailSender>();

        // Features.
        services.AddCmsFeatures(Features);
        services.AddSingleton<FeatureCatalog>();
        services.AddScoped<FeatureManager>();

        // Users and roles (sign-in comes with the admin).
        services.AddIdentityCore<CmsUser>()
            .AddUserValidator<UserNameLength>()
            .AddRoles<CmsRole>()
            .AddEntityFrameworkStores<CmsDbContext>();
        return services;
    }

    public static IServiceCollection AddCmsFeatures(this IServiceCollection services, IEnumerable<FeatureDescriptor> features)
    {
        foreach (var feature in features)
        {
            services.AddSingleton(feature);
        }

        return services;
    }

    /// Serves the media folder at /media: known file types only, never sniffed as something else.
    public static IApplicationBuilder UseCmsMedia(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = app.ApplicationServices.GetRequiredService<MediaStore>().Root;
        Directory.CreateDirectory(root);
        app.UseMiddleware<ResizedMediaMiddleware>();
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = "/media",
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                // An upload never replaces a file under the same name, so browsers and proxies may keep media long.
                context.Context.Response.Headers.CacheControl = "public, max-age=2592000";
            },
        });
    }

    private static ContentDefinitionDocument TaxonomyType() => new ContentDefinitionBuilder()
        .Type(Taxonomy.ContentType, "Taxonomy", type => type
            .Settings(new ContentTypeSettings(Creatable: true, Listable: true, Draftable: true, Versionable: true))
            .Part<TitlePart>()
            .Part<AutoroutePart>(new AutoroutePartSettings(AllowCustomPath: true, AllowRouteContainedItems: true))
            .Part<TaxonomyPart>())
        .Build();

    /// Statements a page runs again and again are prepared on each connection, unless the operator says otherwise (a
    /// pooler in transaction mode needs Max Auto Prepare=0): planning them took as long as running them.
    public static string PostgreSqlConnectionString(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not; a plain one tells.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100 }.ConnectionString;
    }

    /// A relative SQLite file path is taken under the content root, and its folder is created.
    private static string SqliteConnectionString(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, source));
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}

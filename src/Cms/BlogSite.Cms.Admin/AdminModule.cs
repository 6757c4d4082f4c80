using System.Threading.RateLimiting;
using BlogSite.Cms.Admin.Accounts;
using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Navigation;
using BlogSite.Cms.Admin.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Nodes;
using BlogSite.Cms.Content.Menus;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using BlogSite.Cms.Content.Hosting;
using BlogSite.Cms.Admin.Dashboard;

namespace BlogSite.Cms.Admin;

/// The admin's table of contents: sign-in, permissions, the rate limit on sign-in, and the admin pages.
public static class AdminModule
{
    public const string SignInRateLimit = "sign-in";

    /// Live previews render Markdown on every pause in typing (250 ms): ten a second from one person is not typing.
    public const string PreviewRateLimit = "preview";

    public const int PreviewsPerMinute = 600;

    public static readonly FeatureDescriptor[] Features =
    [
        new("OrchardCore.Admin", "Admin dashboard", "OrchardCore.Users", "OrchardCore.Roles"),
    ];

    public static IServiceCollection AddCmsAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCmsFeatures(Features);
        services.AddValidatedOptions<AdminOptions>(configuration, AdminOptions.Section);

        // Sign-in: Identity's cookie, lockout after repeated failures, and a per-address limit on attempts.
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/admin/denied";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Behind TLS (directly or through a trusted proxy) the antiforgery cookie is Secure like the sign-in cookie.
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // A disabled user or a reset password ends existing sessions within a minute (the security stamp changes).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<IdentityOptions>(identity =>
        {
            identity.Lockout.MaxFailedAccessAttempts = 5;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            identity.Lockout.AllowedForNewUsers = true;
        });
        new IdentityBuilder(typeof(CmsUser), typeof(CmsRole), services).AddSignInManager().AddDefaultTokenProviders();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts (POSTs) count: showing the form is free.
            // With several nodes (Redis configured) the attempts are counted in Redis, the same on every node.
            limiter.AddPolicy(SignInRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("form");
                }

                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var permits = context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.SignInAttemptsPerMinute;
                return context.RequestServices.GetService<RedisConnection>() is { } redis
                    ? RateLimitPartition.Get(address, key => new RedisFixedWindowLimiter(
                        redis, redis.Channel($"sign-in:{key}"), permits, TimeSpan.FromMinutes(1),
                        context.RequestServices.GetRequiredService<TimeProvider>(),
                        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<RedisFixedWindowLimiter>()))
                    : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            limiter.AddPolicy(PreviewRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PreviewsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // Permissions: one policy per named permission, granted through role claims.
        services.AddMemoryCache();
        services.AddCmsPermissions();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<RolePermissions>();
        // Counted in Redis when it is configured (the container passes no connection otherwise).
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<KnownDevice>();
        services.AddScoped<SystemRoles>();
        services.AddScoped<RoleEditor>();
        services.AddScoped<IFeatureListener, RoleUpdater>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<ContentPermissionCheck>();

        // Accounts: invitations, password resets and address changes by e-mailed single-use links.
        services.AddScoped<AccountTokens>();
        services.AddScoped<AccountMail>();
        services.AddSingleton<PasswordResetMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<PasswordResetMailer>());
        services.AddAuthorization();

        // The admin's reads.
        services.AddScoped<ContentListQueries>();
        services.AddScoped<TaxonomyQueries>();

        // The admin menu: the CMS's entries; modules add theirs.
        services.AddScoped<AdminMenu>();
        services.AddCmsAdminMenu();

        // Content editors that modules register for their types.
        services.AddSingleton<ContentEditors>();
        services.AddContentEditor(MenuDefinitions.Menu, "Menu", "/Admin/Menus/Edit", permission: AdminPermissions.ManageMenu);

        services.AddRazorPages();
        return services;
    }

    /// Links items of <paramref name="contentType"/> to a module's editor page, whose route takes the item's id.
    public static IServiceCollection AddContentEditor(
        this IServiceCollection services, string contentType, string displayName, string pageName, string? feature = null, string? permission = null) =>
        services.AddSingleton(new ContentEditor(contentType, displayName, pageName) { Feature = feature, Permission = permission });

    /// Names the page that previews an item's versions in the site's theme.
    public static IServiceCollection AddContentPreview(this IServiceCollection services, string pageName) =>
        services.AddSingleton(new ContentPreviewPage(pageName));

    /// Adds a dashboard card counting the published items of <paramref name="contentType"/>.
    public static IServiceCollection AddPublishedCountCard(this IServiceCollection services, string contentType, string label, string? feature = null) =>
        services.AddSingleton(new PublishedCountCard(contentType, label, feature));

    /// Authentication, authorization and the sign-in rate limit; call between UseRouting and the endpoints.
    public static WebApplication UseCmsAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAdminSecurityHeaders();
        // After authentication, so limits per person (previews) know who is asking.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // Endpoints that bind posted forms (the editor's autosave and preview) check the antiforgery token here.
        app.UseAntiforgery();
        return app;
    }
}

using BlogSite.Cms.Recipes.Execution;
using System.CommandLine;
using System.Text.Json;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Deployment;
using BlogSite.Cms.Recipes.Export;

namespace BlogSite.Web.CommandLine;

/// `deployment client add NAME` (prints the key once), `deployment client remove NAME`, and
/// `deployment push URL --client NAME --key KEY [--setup]`, which exports this site and imports it into the target.
internal static class DeploymentCommands
{
    public static Command Create(TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure)
    {
        var name = new Argument<string>("name") { Description = "The API client's name." };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"Besides content, what the client's recipes may change: {RecipeTrust.UsersScope}, {RecipeTrust.RolesScope} or {RecipeTrust.SettingsScope} (the Base URL and sign-in settings); repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        scopes.AcceptOnlyFromAmong(RecipeTrust.UsersScope, RecipeTrust.RolesScope, RecipeTrust.SettingsScope);
        var add = new Command("add", "Create an API client (or give it a new key) and print its key once.") { name, scopes };
        add.SetAction(async (parse, ct) =>
        {
            await using var host = BlogSiteCommandLine.BuildHost(configure);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var key = await scope.ServiceProvider.GetRequiredService<ApiClientStore>().CreateAsync(parse.GetValue(name)!, parse.GetValue(scopes), ct);
            await output.WriteLineAsync($"API client '{parse.GetValue(name)}' can deploy here with this key (shown once):");
            await output.WriteLineAsync(key);
            return BlogSiteCommandLine.Success;
        });
        var remove = new Command("remove", "Remove an API client; its key stops working.") { name };
        remove.SetAction(async (parse, ct) =>
        {
            await using var host = BlogSiteCommandLine.BuildHost(configure);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var removed = await scope.ServiceProvider.GetRequiredService<ApiClientStore>().RemoveAsync(parse.GetValue(name)!, ct);
            await (removed ? output : error).WriteLineAsync(removed ? $"Removed '{parse.GetValue(name)}'." : $"There is no API client '{parse.GetValue(name)}'.");
            return removed ? BlogSiteCommandLine.Success : BlogSiteCommandLine.RecipeError;
        });

        var target = new Argument<string>("url")
        {
            Description = "The target: a BlogSite site (https://staging.example.org/) or an Orchard Core remote instance's import URL (https://example.org/OrchardCore.Deployment.Remote/ImportRemoteInstance/Import).",
        };
        target.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError("The target must be an absolute http or https URL.");
            }
        });
        var client = new Option<string>("--client") { Description = "The API client name the target knows.", Required = true };
        var key = new Option<string>("--key") { Description = "That client's key.", Required = true };
        var setup = new Option<bool>("--setup") { Description = "Push a setup export." };
        var withAccess = new Option<bool>("--with-users")
        {
            Description = "Push the Roles and Users steps and the security settings (the Base URL, sign-in settings) too; the target's client needs the users, roles and settings scopes.",
        };
        var push = new Command("push", "Export this site and import it into a target site over HTTP.") { target, client, key, setup, withAccess };
        push.SetAction(async (parse, ct) =>
        {
            await using var host = BlogSiteCommandLine.BuildHost(configure);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var exporter = scope.ServiceProvider.GetRequiredService<RecipeExporter>();
            var options = new ExportOptions(parse.GetValue(setup), WithAccess: parse.GetValue(withAccess));
            var recipe = await exporter.ExportAsync(options, ct);
            var (status, result) = await scope.ServiceProvider.GetRequiredService<DeploymentClient>().PushAsync(
                new Uri(parse.GetValue(target)!), parse.GetValue(client)!, parse.GetValue(key)!, recipe,
                scope.ServiceProvider.GetRequiredService<MediaStore>().AllFiles(), ct);
            await output.WriteLineAsync($"HTTP {status}: {JsonSerializer.Serialize(result, JsonSerializerOptions.Web)}");
            return status == 200 ? BlogSiteCommandLine.Success : BlogSiteCommandLine.RecipeError;
        });

        return new Command("deployment", "Remote deployment: API clients on this site, and pushing this site to another.")
        {
            new Command("client", "Manage the API clients allowed to deploy to this site.") { add, remove },
            push,
        };
    }
}

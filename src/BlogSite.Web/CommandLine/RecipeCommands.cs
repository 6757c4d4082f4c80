using System.CommandLine;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Search;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Export;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Setup;
using BlogSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Web.CommandLine;

/// `recipe validate FILE`, `recipe run FILE`, `recipe export [--out FILE] [--setup]`.
internal static class RecipeCommands
{
    public static Command Create(TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure)
    {
        var file = new Argument<FileInfo>("file") { Description = "The recipe file (Orchard Core's recipe JSON format)." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the export here instead of to standard output." };
        var setup = new Option<bool>("--setup") { Description = "Write a setup recipe (issetuprecipe: true)." };
        var types = new Option<string[]>("--type") { Description = "Export only items of this content type (and what they point at); repeatable.", AllowMultipleArgumentsPerToken = true };
        var items = new Option<string[]>("--item") { Description = "Export only this content item (and what it points at); repeatable.", AllowMultipleArgumentsPerToken = true };

        var validate = new Command("validate", "Check a recipe without touching the database.") { file };
        validate.SetAction((parse, ct) => ValidateAsync(parse.GetValue(file)!, output, error, configure, ct));
        var run = new Command("run", "Import a recipe into the configured database, all or nothing.") { file };
        run.SetAction((parse, ct) => RunRecipeAsync(parse.GetValue(file)!, output, error, configure, ct));
        var export = new Command("export", "Write the site as a recipe (.json), or with its media files (.zip).") { outFile, setup, types, items };
        export.SetAction((parse, ct) => ExportAsync(
            parse.GetValue(outFile), new ExportOptions(parse.GetValue(setup), parse.GetValue(types), parse.GetValue(items)), output, configure, ct));
        return new Command("recipe", "Validate, run or export recipes.") { validate, run, export };
    }

    private static async Task<int> ValidateAsync(
        FileInfo file, TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure, CancellationToken cancellationToken)
    {
        await using var app = BlogSiteCommandLine.BuildHost(configure);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await using var source = await RecipePackage.OpenAsync(file.FullName, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(source.RecipePath, cancellationToken);
            var services = scope.ServiceProvider;
            var site = await SiteDatabase.DescribeAsync(services, cancellationToken);
            var executor = services.GetRequiredService<RecipeExecutor>();
            RecipeReport report;
            if (site is not null)
            {
                // What `recipe run` would check: the site's types, terms and containers, with the parameters it would pass.
                var parameters = await services.GetRequiredService<AdministratorAccount>().RecipeParametersAsync();
                report = executor.Validate(recipe, RecipeTrust.Operator, parameters, await services.GetRequiredService<ContentDefinitionStore>().GetAsync(cancellationToken));
                await output.WriteLineAsync($"Checked against the site in {site}.");
            }
            else
            {
                report = executor.Validate(recipe, RecipeTrust.Operator);
                await output.WriteLineAsync("Checked the file alone: no set-up site database is configured here, so what a site would already hold (types, terms, containers) was not checked.");
            }

            await WriteReportAsync(report, error);
            if (!report.Succeeded)
            {
                return BlogSiteCommandLine.RecipeError;
            }

            await output.WriteLineAsync($"{file.Name} is valid: {recipe.Steps.Count} steps, {report.Warnings.Count} warnings.");
            return BlogSiteCommandLine.Success;
        }
        catch (RecipeException e)
        {
            await error.WriteLineAsync(e.Message);
            return BlogSiteCommandLine.RecipeError;
        }
    }

    private static async Task<int> RunRecipeAsync(
        FileInfo file, TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure, CancellationToken cancellationToken)
    {
        await using var app = BlogSiteCommandLine.BuildHost(configure);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            await using var source = await RecipePackage.OpenAsync(file.FullName, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(source.RecipePath, cancellationToken);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var setup = services.GetRequiredService<SetupService>();
            var db = services.GetRequiredService<CmsDbContext>();
            SetupResult? setUp = null;
            if (recipe.IsSetupRecipe && !await setup.IsSetUpAsync(cancellationToken) && !await db.Users.AnyAsync(cancellationToken) && !await db.ContentItems.AnyAsync(cancellationToken))
            {
                // A setup recipe on an empty database sets the site up, with the parameters a first start gives it.
                setUp = await setup.SetUpIfNeededAsync(recipe, new ConsoleProgress(error), cancellationToken);
            }

            RecipeReport report;
            if (setUp is { RanSetup: true })
            {
                report = setUp.Report ?? new RecipeReport();
                await output.WriteLineAsync(setUp.GeneratedPassword is null
                    ? $"The site is set up; sign in as '{setUp.AdminUserName}'."
                    : $"The site is set up; sign in as '{setUp.AdminUserName}' with this password (shown once): {setUp.GeneratedPassword}");
            }
            else
            {
                var parameters = await services.GetRequiredService<AdministratorAccount>().RecipeParametersAsync();
                report = await services.GetRequiredService<RecipeExecutor>().RunAsync(
                    recipe, RecipeTrust.Operator, parameters, progress: new ConsoleProgress(error), cancellationToken: cancellationToken);
            }

            await WriteReportAsync(report, error);
            await output.WriteLineAsync($"{file.Name}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged.");
            if (await app.Services.GetRequiredService<SearchVectorFiller>().BacklogAsync(cancellationToken) is > 0 and var unsearched)
            {
                await output.WriteLineAsync(
                    $"Search finds {unsearched:N0} of the items once the site has indexed them: it does so in the background while it runs.");
            }

            return BlogSiteCommandLine.Success;
        }
        catch (RecipeException e)
        {
            await error.WriteLineAsync("Nothing was imported:");
            await error.WriteLineAsync(e.Message);
            return BlogSiteCommandLine.RecipeError;
        }
    }

    private static async Task<int> ExportAsync(
        FileInfo? outFile, ExportOptions options, TextWriter output, Action<IConfigurationBuilder>? configure, CancellationToken cancellationToken)
    {
        await using var app = BlogSiteCommandLine.BuildHost(configure);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var exporter = services.GetRequiredService<RecipeExporter>();
        var recipe = await exporter.ExportAsync(options, cancellationToken);
        if (outFile is null)
        {
            await output.WriteLineAsync(recipe.ToJsonString(ContentJson.Indented));
        }
        else if (outFile.Extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var media = services.GetRequiredService<MediaStore>();
            var files = options.WholeSite ? media.AllFiles() : await exporter.MediaPathsAsync(options, cancellationToken);
            File.Delete(outFile.FullName);
            await RecipeArchive.WriteAsync(outFile.FullName, recipe, media, files, cancellationToken);
            await output.WriteLineAsync($"Exported to {outFile.FullName} with {files.Count} media files.");
        }
        else
        {
            await File.WriteAllTextAsync(outFile.FullName, recipe.ToJsonString(ContentJson.Indented) + Environment.NewLine, cancellationToken);
            await output.WriteLineAsync($"Exported to {outFile.FullName}.");
        }

        return BlogSiteCommandLine.Success;
    }

    private static async Task WriteReportAsync(RecipeReport report, TextWriter error)
    {
        foreach (var warning in report.Warnings)
        {
            await error.WriteLineAsync($"warning: {warning}");
        }

        foreach (var problem in report.Errors)
        {
            await error.WriteLineAsync($"error: {problem}");
        }
    }
}

using System.CommandLine;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Export;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Setup;
using BlogSite.Web.Hosting;

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
            await using var source = await RecipeSource.OpenAsync(file, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(source.RecipePath, cancellationToken);
            var report = scope.ServiceProvider.GetRequiredService<RecipeExecutor>().Validate(recipe);
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
            await using var source = await RecipeSource.OpenAsync(file, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(source.RecipePath, cancellationToken);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var parameters = await services.GetRequiredService<AdministratorAccount>().RecipeParametersAsync();
            var report = await services.GetRequiredService<RecipeExecutor>().RunAsync(
                recipe, parameters, progress: new ConsoleProgress(error), cancellationToken: cancellationToken);
            await WriteReportAsync(report, error);
            await output.WriteLineAsync($"{file.Name}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged.");
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

using System.CommandLine;
using BlogSite.Web.Hosting;

namespace BlogSite.Web.CommandLine;

/// The host's verbs (`recipe validate|run|export`, `deployment client add|remove`, `deployment push`): exit 0 on
/// success, 1 on a recipe or data error, 2 on wrong usage.
public static class BlogSiteCommandLine
{
    public const int Success = 0;
    public const int RecipeError = 1;
    public const int UsageError = 2;

    public static bool Handles(string[] args) => args is ["recipe", ..] or ["deployment", ..];

    /// <paramref name="configure"/> lets tests point the command at their own database.
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Action<IConfigurationBuilder>? configure = null)
    {
        var root = new RootCommand("BlogSite")
        {
            RecipeCommands.Create(output, error, configure),
            DeploymentCommands.Create(output, error, configure),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Usage: recipe validate FILE | recipe run FILE | recipe export [--out FILE] [--setup] | deployment client add|remove NAME | deployment push URL --client NAME --key KEY");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    internal static WebApplication BuildHost(Action<IConfigurationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(ContentRoot.Options([]));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder.Configuration);
        builder.Services.AddBlogSiteServices(builder.Configuration);
        return builder.Build();
    }
}

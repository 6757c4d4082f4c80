using BlogSite.Web.CommandLine;
using BlogSite.Web.Hosting;

if (RecipeCommandLine.Handles(args))
{
    return await RecipeCommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddBlogSite();

var app = builder.Build();
if (!await app.SetUpBlogSiteAsync())
{
    return 1;
}

app.MapBlogSite();
await app.RunAsync();
return 0;

public partial class Program;

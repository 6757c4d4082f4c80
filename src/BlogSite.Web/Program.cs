using BlogSite.Web.CommandLine;
using BlogSite.Web.Hosting;

if (BlogSiteCommandLine.Handles(args))
{
    return await BlogSiteCommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
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

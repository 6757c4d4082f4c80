using System.Net;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Recipes.Deployment;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.CommandLine;

/// Two sites on loopback: a target host on a real port, and a source site whose command line pushes its export.
public sealed class RemoteDeploymentTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase sourceDatabase = new();
    private readonly SqliteTestDatabase targetDatabase = new();
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-deploy-").FullName;
    private BlogSiteFactory? target;
    private Uri targetUrl = null!;

    public async Task InitializeAsync()
    {
        target = new BlogSiteFactory(targetDatabase.Settings);
        targetUrl = target.StartOnLoopback();

        Assert.Equal(0, (await RunAsync(sourceDatabase, "recipe", "run", SetupRecipe.FilePath)).Exit);
        var newPost = Path.Combine(folder, "new-post.recipe.json");
        await File.WriteAllTextAsync(newPost, """
            { "name": "NewPost", "steps": [ { "name": "content", "Data": [
                { "ContentItemId": "deployedpost00000000000001", "ContentType": "BlogPost", "DisplayText": "Written on staging", "Latest": true, "Published": true,
                  "PublishedUtc": "2016-06-01T08:00:00Z", "TitlePart": { "Title": "Written on staging" }, "AutoroutePart": { "Path": "blog/written-on-staging" },
                  "MarkdownBodyPart": { "Markdown": "This post travels by **remote deployment**." } } ] } ] }
            """);
        Assert.Equal(0, (await RunAsync(sourceDatabase, "recipe", "run", newPost)).Exit);
    }

    public async Task DisposeAsync()
    {
        if (target is not null)
        {
            await target.DisposeAsync();
        }

        await sourceDatabase.DisposeAsync();
        await targetDatabase.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int Exit, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await BlogSiteCommandLine.RunAsync(args, output, output, c => c.AddInMemoryCollection(database.Settings));
        return (exit, output.ToString());
    }

    private async Task<string> CreateClientOnTargetAsync()
    {
        await using var scope = target!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiClientStore>().CreateAsync("staging");
    }

    [Fact]
    public async Task PushingUsersAndRolesNeedsAClientGivenThoseScopes()
    {
        var contentKey = await CreateClientOnTargetAsync();
        string accessKey;
        await using (var scope = target!.Services.CreateAsyncScope())
        {
            accessKey = await scope.ServiceProvider.GetRequiredService<ApiClientStore>().CreateAsync("operations", [RecipeTrust.UsersScope, RecipeTrust.RolesScope]);
        }

        var (refusedExit, refused) = await RunAsync(sourceDatabase, "deployment", "push", targetUrl.ToString(), "--client", "staging", "--key", contentKey, "--with-users");
        var (acceptedExit, accepted) = await RunAsync(sourceDatabase, "deployment", "push", targetUrl.ToString(), "--client", "operations", "--key", accessKey, "--with-users");

        Assert.NotEqual(0, refusedExit);
        Assert.Contains("HTTP 422", refused, StringComparison.Ordinal);
        Assert.Contains("needs the \\u0027users\\u0027 scope, which the API client \\u0027staging\\u0027 does not have", refused, StringComparison.Ordinal);
        Assert.True(acceptedExit == 0, accepted);
        Assert.Contains("HTTP 200", accepted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APushWithTheRightKeyImportsTheSourceIntoTheTarget()
    {
        var key = await CreateClientOnTargetAsync();

        var (exit, output) = await RunAsync(sourceDatabase, "deployment", "push", targetUrl.ToString(), "--client", "staging", "--key", key);

        Assert.True(exit == 0, output);
        Assert.Contains("HTTP 200", output, StringComparison.Ordinal);
        Assert.Contains("\"created\":1", output, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = targetUrl };
        Assert.Contains("remote deployment", await http.GetStringAsync("/blog/written-on-staging"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContentPushLeavesTheSourcesBaseUrlBehindAndTheTargetKeepsItsOwn()
    {
        var settings = Path.Combine(folder, "base-url.recipe.json");
        await File.WriteAllTextAsync(settings, """{ "name": "BaseUrl", "steps": [ { "name": "settings", "BaseUrl": "https://staging.example" } ] }""");
        Assert.Equal(0, (await RunAsync(sourceDatabase, "recipe", "run", settings)).Exit);
        var key = await CreateClientOnTargetAsync();

        var (exit, output) = await RunAsync(sourceDatabase, "deployment", "push", targetUrl.ToString(), "--client", "staging", "--key", key);

        Assert.True(exit == 0, output);
        await using var scope = target!.Services.CreateAsyncScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync()).BaseUrl);
    }

    [Theory]
    [InlineData("staging", "not-the-key")]
    [InlineData("nobody", "")]
    public async Task AWrongOrMissingKeyIsUnauthorizedAndImportsNothing(string client, string key)
    {
        await CreateClientOnTargetAsync();
        using var http = new HttpClient { BaseAddress = targetUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deployment/import")
        {
            Content = new StringContent(await File.ReadAllTextAsync(Path.Combine(folder, "new-post.recipe.json"))),
        };
        request.Headers.Add(RemoteDeploymentEndpoints.ClientHeader, client);
        if (key.Length > 0)
        {
            request.Headers.Add(RemoteDeploymentEndpoints.KeyHeader, key);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/blog/written-on-staging")).StatusCode);
    }

    [Fact]
    public async Task ABrokenRecipeIsRejectedWithItsErrorsAsJson()
    {
        var key = await CreateClientOnTargetAsync();
        using var http = new HttpClient { BaseAddress = targetUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deployment/import")
        {
            Content = new StringContent("""{ "name": "Bad", "steps": [ { "name": "content", "Data": [ { "ContentType": "BlogPost" } ] } ] }"""),
        };
        request.Headers.Add(RemoteDeploymentEndpoints.ClientHeader, "staging");
        request.Headers.Add(RemoteDeploymentEndpoints.KeyHeader, key);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"jsonPath\":\"$.steps[0].Data[0].ContentItemId\"", body, StringComparison.Ordinal);
        Assert.Contains("\"stepName\":\"content\"", body, StringComparison.Ordinal);
    }

    /// An Orchard Core deployment package: Recipe.json at the root and a media file the recipe's media step names.
    private async Task<byte[]> OrchardPackageAsync()
    {
        var zip = Path.Combine(folder, $"{Guid.NewGuid():N}.zip");
        await using (var archive = await System.IO.Compression.ZipFile.OpenAsync(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            var recipe = archive.CreateEntry("Recipe.json");
            await using (var writer = new StreamWriter(await recipe.OpenAsync()))
            {
                await writer.WriteAsync("""
                    { "name": "FromOrchard", "steps": [
                        { "name": "media", "Files": [ { "SourcePath": "shipyard.txt.pdf", "TargetPath": "orchard/shipyard.pdf" } ] },
                        { "name": "content", "data": [
                          { "ContentItemId": "orchardpushed0000000000001", "ContentType": "BlogPost", "DisplayText": "Pushed by Orchard Core", "Latest": true, "Published": true,
                            "PublishedUtc": "2016-06-02T08:00:00Z", "TitlePart": { "Title": "Pushed by Orchard Core" }, "AutoroutePart": { "Path": "blog/pushed-by-orchard-core" },
                            "MarkdownBodyPart": { "Markdown": "Sent in Orchard Core's **remote instance** form." } } ] } ] }
                    """);
            }

            var file = archive.CreateEntry("shipyard.txt.pdf");
            await using var stream = await file.OpenAsync();
            await stream.WriteAsync("%PDF-1.4 shipyard"u8.ToArray());
        }

        return await File.ReadAllBytesAsync(zip);
    }

    [Theory]
    [InlineData(RemoteDeploymentEndpoints.OrchardImportPath)]
    [InlineData("/api/deployment/import")]
    public async Task APackageInOrchardCoresRemoteInstanceFormImportsWithItsFiles(string path)
    {
        var key = await CreateClientOnTargetAsync();
        using var http = new HttpClient { BaseAddress = targetUrl };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("staging"), "ClientName" },
            { new StringContent(key), "ApiKey" },
            { new ByteArrayContent(await OrchardPackageAsync()), "Content", "Content.zip" },
        };

        using var response = await http.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("remote instance", await http.GetStringAsync("/blog/pushed-by-orchard-core"), StringComparison.Ordinal);
        Assert.Equal("%PDF-1.4 shipyard", await http.GetStringAsync("/media/orchard/shipyard.pdf"));
    }

    [Fact]
    public async Task AFormWithAWrongKeyIsUnauthorizedAndImportsNothing()
    {
        await CreateClientOnTargetAsync();
        using var http = new HttpClient { BaseAddress = targetUrl };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("staging"), "ClientName" },
            { new StringContent("guessed"), "ApiKey" },
            { new ByteArrayContent(await OrchardPackageAsync()), "Content", "Content.zip" },
        };

        using var response = await http.PostAsync(RemoteDeploymentEndpoints.OrchardImportPath, form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/blog/pushed-by-orchard-core")).StatusCode);
    }

    [Fact]
    public async Task APackageSentBeforeTheKeyIsRefusedUnread()
    {
        var key = await CreateClientOnTargetAsync();
        using var http = new HttpClient { BaseAddress = targetUrl };
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await OrchardPackageAsync()), "Content", "Content.zip" },
            { new StringContent("staging"), "ClientName" },
            { new StringContent(key), "ApiKey" },
        };

        using var response = await http.PostAsync(RemoteDeploymentEndpoints.OrchardImportPath, form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/blog/pushed-by-orchard-core")).StatusCode);
    }

    [Fact]
    public async Task APushToAnOrchardCoreImportAddressSpeaksItsProtocol()
    {
        var key = await CreateClientOnTargetAsync();

        var (exit, output) = await RunAsync(
            sourceDatabase, "deployment", "push", new Uri(targetUrl, RemoteDeploymentEndpoints.OrchardImportPath).ToString(), "--client", "staging", "--key", key);

        Assert.True(exit == 0, output);
        using var http = new HttpClient { BaseAddress = targetUrl };
        Assert.Contains("remote deployment", await http.GetStringAsync("/blog/written-on-staging"), StringComparison.Ordinal);
    }
}

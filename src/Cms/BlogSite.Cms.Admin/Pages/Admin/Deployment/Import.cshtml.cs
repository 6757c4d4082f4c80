using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Deployment;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Deployment;

/// Import in two steps: the uploaded recipe or deployment package (.zip), or a pasted recipe, is kept as a pending
/// import (<see cref="PendingImports"/>, on storage every node shares) and validated; only when the editor confirms is
/// it run, all or nothing. The pending file is named by a random token, never by user input.
[Authorize(Policy = AdminPermissions.Import)]
public sealed class ImportModel(
    RecipeExecutor executor, ContentDefinitionStore definitions, UserManager<CmsUser> users, PendingImports pendingImports, IAuthorizationService authorization)
    : PageModel
{
    public RecipeReport? Report { get; private set; }

    public ImportResult? Result { get; private set; }

    public string? Token { get; private set; }

    public string? Json { get; private set; }

    public int StepCount { get; private set; }

    public async Task<IActionResult> OnPostValidateAsync(IFormFile? file, string? json, CancellationToken cancellationToken)
    {
        if (file is null && string.IsNullOrWhiteSpace(json))
        {
            Report = new RecipeReport();
            Report.Errors.Add(new RecipeError(null, null, "$", "Choose a recipe file or paste a recipe."));
            return Page();
        }

        (Token, var pending) = pendingImports.Create();
        await using (var target = System.IO.File.Create(pending))
        {
            if (file is not null)
            {
                await file.CopyToAsync(target, cancellationToken);
            }
            else
            {
                await using var writer = new StreamWriter(target);
                await writer.WriteAsync(json);
            }
        }

        Json = file is null ? json : null;
        try
        {
            await using var package = await RecipePackage.OpenAsync(pending, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(package.RecipePath, cancellationToken);
            StepCount = recipe.Steps.Count;
            Report = executor.Validate(recipe, await TrustAsync(), await ParametersAsync(), await definitions.GetAsync(cancellationToken));
        }
        catch (RecipeException e)
        {
            Report = new RecipeReport();
            Report.Errors.AddRange(e.Errors);
        }

        if (!Report.Succeeded)
        {
            pendingImports.Forget(Token);
            Token = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? token, CancellationToken cancellationToken)
    {
        if (pendingImports.Claim(token) is not { } pending)
        {
            Result = ImportResult.Failed([new RecipeError(null, null, "$", "That import has expired; check the recipe again.")]);
            return Page();
        }

        try
        {
            await using var package = await RecipePackage.OpenAsync(pending, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(package.RecipePath, cancellationToken);
            Result = ImportResult.From(await executor.RunAsync(recipe, await TrustAsync(), await ParametersAsync(), cancellationToken: cancellationToken));
            Report = new RecipeReport();
            Report.Warnings.AddRange(Result.Warnings);
        }
        catch (RecipeException e)
        {
            Result = ImportResult.Failed(e.Errors);
            Report = new RecipeReport();
            Report.Errors.AddRange(e.Errors);
        }
        finally
        {
            pendingImports.Forget(token!);
        }

        return Page();
    }

    /// Users and Roles steps, and security settings, run only for an editor who may manage them on this site.
    private async Task<RecipeTrust> TrustAsync()
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal) { RecipeTrust.ContentScope };
        if ((await authorization.AuthorizeAsync(User, AdminPermissions.ManageUsers)).Succeeded)
        {
            scopes.Add(RecipeTrust.UsersScope);
        }

        if ((await authorization.AuthorizeAsync(User, AdminPermissions.ManageRoles)).Succeeded)
        {
            scopes.Add(RecipeTrust.RolesScope);
        }

        if ((await authorization.AuthorizeAsync(User, AdminPermissions.ManageSettings)).Succeeded)
        {
            scopes.Add(RecipeTrust.SettingsScope);
        }

        return new RecipeTrust($"your account ({User.Identity?.Name})", scopes);
    }

    private async Task<Dictionary<string, string>> ParametersAsync()
    {
        var user = await users.GetUserAsync(User);
        return new Dictionary<string, string> { ["AdminUserId"] = user?.Id ?? "", ["AdminUsername"] = user?.UserName ?? "" };
    }
}

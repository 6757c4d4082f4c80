using BlogSite.Cms.Admin;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Markdown;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BlogSite.Blog.Editing;

/// What the editor's script calls while someone writes: autosave and the live Markdown preview. Both post the
/// editor's form with its antiforgery token; each answers with a typed result the script reads.
public static class PostEditorEndpoints
{
    public const string AutosaveName = "BlogPostAutosave";
    public const string MarkdownName = "BlogPostMarkdown";

    public static IEndpointRouteBuilder MapPostEditorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/posts").RequireAuthorization(AdminPermissions.AccessAdminPanel);
        group.MapPost("/{id}/autosave", AutosaveAsync).WithName(AutosaveName);
        group.MapPost("/markdown", Markdown).WithName(MarkdownName).RequireRateLimiting(AdminModule.PreviewRateLimit);
        return app;
    }

    /// Saves the draft as an autosave, which never creates tags; with <paramref name="draft"/> (Ctrl/Cmd+S) as a draft
    /// the editor saved, as the Save draft button does. 409 when someone else saved meanwhile, 422 with the problems by
    /// field when the form cannot be saved, 403 when the user may not edit the post.
    private static async Task<Results<Ok<AutosaveResponse>, Conflict<AutosaveConflict>, UnprocessableEntity<AutosaveProblems>, ForbidHttpResult, NotFound>> AutosaveAsync(
        string id, [FromForm] PostForm form, [FromQuery] bool? draft, ClaimsPrincipal user, PostEditorLoader loader, BlogPostEditor editor,
        PostAuthorChoices authors, LinkGenerator links, HttpContext context, CancellationToken cancellationToken)
    {
        var state = await loader.LoadAsync(id, user, cancellationToken);
        if (state is null)
        {
            return TypedResults.NotFound();
        }

        if (!state.CanEdit)
        {
            return TypedResults.Forbid();
        }

        var invalid = new List<ValidationResult>();
        if (!Validator.TryValidateObject(form, new ValidationContext(form), invalid, validateAllProperties: true))
        {
            return TypedResults.UnprocessableEntity(new AutosaveProblems(invalid.ToDictionary(
                r => $"Form.{r.MemberNames.FirstOrDefault()}", r => r.ErrorMessage ?? "Not valid.")));
        }

        if (await authors.SettleAsync(form, state, cancellationToken) is { } authorProblem)
        {
            return TypedResults.UnprocessableEntity(new AutosaveProblems(new Dictionary<string, string> { [$"Form.{nameof(PostForm.OwnerId)}"] = authorProblem }));
        }

        // The editor's script posts the form's names without their "Form." prefix.
        PostedChoices.Collect(context.Request.Form, nameof(PostForm.Extra), form.Extra);
        var intent = draft == true ? ContentSaveIntent.Draft : ContentSaveIntent.Autosave;
        var result = await editor.SaveAsync(form, state.Latest, intent, state.UserId, user.Identity?.Name ?? "", state.CanPublish, cancellationToken);
        return result.Outcome switch
        {
            ContentSaveOutcome.Conflict => TypedResults.Conflict(new AutosaveConflict(result.ConflictMessage ?? "", result.CurrentStamp)),
            ContentSaveOutcome.Invalid => TypedResults.UnprocessableEntity(new AutosaveProblems(
                result.Problems.ToDictionary(p => $"Form.{p.Key}", p => p.Value))),
            _ => TypedResults.Ok(AutosaveResponse.For(
                result.Item!, (await loader.LoadAsync(result.Item!.ContentItemId, user, cancellationToken))!.State, links, context)),
        };
    }

    /// The live preview: the body rendered by the public site's own (sanitizing) Markdown renderer, which says why
    /// instead of parsing Markdown past its limits; at most <see cref="AdminModule.PreviewsPerMinute"/> a minute per person.
    private static ContentHttpResult Markdown([FromForm] string? markdown, MarkdownRenderer renderer) =>
        TypedResults.Content(renderer.ToHtml(markdown), "text/html; charset=utf-8");
}

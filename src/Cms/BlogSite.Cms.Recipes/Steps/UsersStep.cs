using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "Users", "Users": [{"UserId", "UserName", "Email", "EmailConfirmed", "IsEnabled", "RoleNames", "PasswordHash"}]}`:
/// users are created or updated (by UserId, then UserName) and their roles set to the ones listed. Passwords travel
/// only as Identity hashes; a plain "Password" is refused so no recipe ever carries one.
public sealed class UsersStep(UserManager<CmsUser> users, RoleManager<CmsRole> roles) : IRecipeStep
{
    public string Name => "Users";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Read(context);
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in Read(context))
        {
            foreach (var (role, i) in entry.Roles.Select((r, i) => (r, i)))
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    throw context.Failure($"{entry.Path}.RoleNames[{i}]", $"The role '{role}' does not exist; add it with a Roles step first.");
                }
            }

            var user = (entry.UserId is null ? null : await users.FindByIdAsync(entry.UserId)) ?? await users.FindByNameAsync(entry.UserName);
            var created = user is null;
            user ??= new CmsUser { Id = entry.UserId ?? Guid.NewGuid().ToString("N"), UserName = entry.UserName };
            user.UserName = entry.UserName;
            user.Email = entry.Email ?? user.Email;
            user.EmailConfirmed = entry.EmailConfirmed ?? user.EmailConfirmed;
            user.IsEnabled = entry.IsEnabled ?? user.IsEnabled;
            user.PasswordHash = entry.PasswordHash ?? user.PasswordHash;
            (created ? await users.CreateAsync(user) : await users.UpdateAsync(user)).ThrowIfFailed(context, entry.Path);

            var current = await users.GetRolesAsync(user);
            (await users.RemoveFromRolesAsync(user, current.Except(entry.Roles, StringComparer.OrdinalIgnoreCase))).ThrowIfFailed(context, entry.Path);
            (await users.AddToRolesAsync(user, entry.Roles.Except(current, StringComparer.OrdinalIgnoreCase))).ThrowIfFailed(context, entry.Path);
        }
    }

    private static List<UserEntry> Read(RecipeStepContext context)
    {
        var entries = new List<UserEntry>();
        var key = RecipeReader.KeyOf(context.Step, "Users");
        var array = context.ArrayProperty("Users", required: true) ?? [];
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{key}[{i}]";
            if (array[i] is not JsonObject user)
            {
                context.Error(path, "A user must be an object with a 'UserName'.");
                continue;
            }

            if (RecipeReader.Property(user, "Password") is not null)
            {
                context.Error($"{path}.Password", "Recipes never carry plain passwords; give a 'PasswordHash' (as exported), or leave it out and set the password in the admin.");
                continue;
            }

            var name = RecipeReader.StringProperty(user, "UserName");
            if (string.IsNullOrWhiteSpace(name))
            {
                context.Error($"{path}.UserName", "A user needs a 'UserName'.");
                continue;
            }

            var email = RecipeReader.StringProperty(user, "Email");
            if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            {
                context.Error($"{path}.Email", $"'{email}' is not an e-mail address.");
                continue;
            }

            var roles = new List<string>();
            if (RecipeReader.Property(user, "RoleNames") is JsonArray roleNames)
            {
                for (var r = 0; r < roleNames.Count; r++)
                {
                    if (roleNames[r] is JsonValue role && role.TryGetValue<string>(out var roleName) && roleName.Length > 0)
                    {
                        roles.Add(roleName);
                    }
                    else
                    {
                        context.Error($"{path}.RoleNames[{r}]", "A role name must be a non-empty string.");
                    }
                }
            }

            entries.Add(new UserEntry(
                path, RecipeReader.StringProperty(user, "UserId"), name, email,
                Flag(user, "EmailConfirmed"), Flag(user, "IsEnabled"), RecipeReader.StringProperty(user, "PasswordHash"), roles));
        }

        return entries;
    }

    private static bool? Flag(JsonObject user, string name) =>
        RecipeReader.Property(user, name) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private sealed record UserEntry(
        string Path, string? UserId, string UserName, string? Email, bool? EmailConfirmed, bool? IsEnabled, string? PasswordHash, List<string> Roles);
}

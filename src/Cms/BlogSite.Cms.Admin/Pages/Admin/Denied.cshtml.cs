using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin;

[AllowAnonymous]
public sealed class DeniedModel : PageModel;

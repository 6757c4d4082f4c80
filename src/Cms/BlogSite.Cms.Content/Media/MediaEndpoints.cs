using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace BlogSite.Cms.Content.Media;

public static class MediaEndpoints
{
    /// Serves the media folder at /media: known file types only, never sniffed as something else.
    public static IApplicationBuilder UseCmsMedia(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = app.ApplicationServices.GetRequiredService<MediaStore>().Root;
        Directory.CreateDirectory(root);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = "/media",
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context => context.Context.Response.Headers.XContentTypeOptions = "nosniff",
        });
    }
}

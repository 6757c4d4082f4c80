using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

public sealed class PostgreSqlCmsDbContext(DbContextOptions<PostgreSqlCmsDbContext> options) : CmsDbContext(options);

using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options);

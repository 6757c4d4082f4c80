using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// A query compiled once per database provider (`EF.CompileAsyncQuery`), for the few that run on every page: building,
/// hashing and looking up the LINQ query cost more than running it. EF Core runs a compiled query against one model
/// only, and a process may use both providers' contexts (the tests do), so each context type gets its own copy.
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> compiled = new();

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return compiled.GetOrAdd(db.GetType(), _ => compile());
    }
}

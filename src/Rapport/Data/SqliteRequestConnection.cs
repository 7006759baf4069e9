using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Rapport.Data;

/// <summary>
/// On SQLite, EF Core opens and closes the connection around every query, and every open
/// registers EF's SQL functions again (native callbacks the finalizer thread must then clean
/// up) and runs the pragmas. A request's queries share one open connection instead: the
/// benchmark measured a read's CPU down by about a tenth. Streams that stay open for minutes
/// (live updates) are left alone, so an idle page does not pin a connection.
/// </summary>
public static class SqliteRequestConnection
{
    public static WebApplication UseSqliteRequestConnection(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ParsedProvider != DatabaseProvider.Sqlite) return app;
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<LongLivedStream>() is not null)
            {
                await next(context);
                return;
            }
            var db = context.RequestServices.GetRequiredService<RapportDbContext>();
            await db.Database.OpenConnectionAsync(context.RequestAborted);
            try
            {
                await next(context);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        return app;
    }
}

/// <summary>Marks an endpoint whose response stays open (Server-Sent Events): it opens connections only as it needs them.</summary>
public sealed class LongLivedStream
{
    public static readonly LongLivedStream Instance = new();
}

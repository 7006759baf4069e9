using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Infrastructure.Idempotency;

/// <summary>
/// Makes a POST safe to repeat. The handler runs inside one transaction together with the
/// stored response, so either both the work and its record are written or neither is; a
/// repeat with the same key (and the same body) replays the stored response.
/// </summary>
internal sealed class IdempotencyFilter(RapportDbContext db, IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyKeys.Header].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > IdempotencyKeys.MaxLength || key.Any(char.IsControl))
            return ValidationError.For(IdempotencyKeys.Header, $"Must be 1 to {IdempotencyKeys.MaxLength} printable characters.").ToProblem();

        var caller = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var request = $"{http.Request.Method} {http.Request.Path}";
        var hash = await HashBodyAsync(http.Request);
        var ct = http.RequestAborted;

        var earlier = await FindAsync(caller, key, ct);
        if (earlier is not null) return Replay(earlier, request, hash);

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        await using (var transaction = await db.BeginWriteAsync(ct))
        {
            http.Response.Body = buffer;
            try
            {
                var result = await next(context);
                if (result is IResult executable) await executable.ExecuteAsync(http);
                if (http.Response.StatusCode is >= 200 and < 300)
                {
                    db.IdempotencyRecords.Add(new IdempotencyRecord
                    {
                        Caller = caller,
                        Key = key,
                        Request = request,
                        RequestHash = hash,
                        StatusCode = http.Response.StatusCode,
                        Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                        ContentType = http.Response.ContentType,
                        Body = buffer.ToArray(),
                        CreatedAt = clock.GetUtcNow(),
                    });
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
            }
            catch (DbUpdateException) when (IsDuplicateKey(caller, key))
            {
                // A concurrent request with the same key won the race: undo ours and answer as it did.
                logger.LogInformation("Idempotency key reused concurrently; replaying the first response");
                await transaction.RollbackAsync(CancellationToken.None);
                http.Response.Body = original;
                db.ChangeTracker.Clear();
                return Replay((await FindAsync(caller, key, CancellationToken.None))!, request, hash);
            }
            finally
            {
                http.Response.Body = original;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
        return Results.Empty;
    }

    private bool IsDuplicateKey(string caller, string key)
    {
        // Look on a fresh connection: this one's transaction may be aborted (PostgreSQL) after the failed insert.
        using var scope = scopeFactory.CreateScope();
        var other = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return other.IdempotencyRecords.Any(r => r.Caller == caller && r.Key == key);
    }

    private Task<IdempotencyRecord?> FindAsync(string caller, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);

    private static IResult Replay(IdempotencyRecord earlier, string request, string hash)
    {
        if (earlier.Request != request || earlier.RequestHash != hash)
            return new KeyReused().ToProblem();
        return new ReplayResult(earlier);
    }

    private static async Task<string> HashBodyAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek) return "";
        request.Body.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Body));
        request.Body.Position = 0;
        return hash;
    }

    private sealed record KeyReused() : Error(422, "Idempotency key reused",
        "This Idempotency-Key was already used for a different request. Use a new key for a new request.");

    private sealed class ReplayResult(IdempotencyRecord earlier) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = earlier.StatusCode;
            httpContext.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
            if (earlier.Location is not null) httpContext.Response.Headers.Location = earlier.Location;
            if (earlier.ContentType is not null) httpContext.Response.ContentType = earlier.ContentType;
            await httpContext.Response.Body.WriteAsync(earlier.Body);
        }
    }
}

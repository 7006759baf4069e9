using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

public sealed record RootCauseDto(string Key, string Name, bool IsActive, DateTimeOffset UpdatedAt);

/// <summary>The key is made from the name when it is not given.</summary>
public sealed record CreateRootCauseRequest(string? Name, string? Key = null);

/// <summary>Rename, retire (isActive false) or bring back a root cause; the key never changes.</summary>
public sealed record UpdateRootCauseRequest(Optional<string> Name, Optional<bool?> IsActive);

/// <summary>The managed list of complaint root causes: list, add, rename, retire.</summary>
public sealed class RootCauses(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<List<RootCauseDto>> ListAsync(bool activeOnly, CancellationToken ct) =>
        db.ComplaintRootCauses.AsNoTracking().Where(c => !activeOnly || c.IsActive).OrderBy(c => c.Name)
            .Select(c => new RootCauseDto(c.Key, c.Name, c.IsActive, c.UpdatedAt)).ToListAsync(ct);

    public async Task<Result<RootCauseDto>> CreateAsync(CreateRootCauseRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator().Required("name", request.Name, ComplaintLimits.RootCauseNameLength);
        var key = request.Key ?? (request.Name is null ? null : SnakeKeys.From(request.Name));
        if (request.Key is not null) SnakeKeys.Check(check, "key", key);
        else if (check.IsValid && string.IsNullOrEmpty(key)) check.Add("name", "Must contain letters or digits.");
        if (!check.IsValid) return check.ToError();
        var name = request.Name!.Trim();
        if (await db.ComplaintRootCauses.AnyAsync(c => c.Key == key, ct)) return new RootCauseTaken("key");
        if (await db.ComplaintRootCauses.AnyAsync(c => c.Name == name, ct)) return new RootCauseTaken("name");

        var now = clock.GetUtcNow();
        var cause = new ComplaintRootCause { Key = key!, Name = name, CreatedAt = now, UpdatedAt = now };
        db.ComplaintRootCauses.Add(cause);
        audit.Record(actor, "complaint_root_cause", cause.Key, "created",
            AuditChanges.FromEntry(db.Entry(cause), nameof(ComplaintRootCause.CreatedAt), nameof(ComplaintRootCause.UpdatedAt)));
        return await TrySaveAsync(cause, ct);
    }

    public async Task<Result<RootCauseDto>> UpdateAsync(string key, UpdateRootCauseRequest request, Actor actor, CancellationToken ct)
    {
        var cause = await db.ComplaintRootCauses.SingleOrDefaultAsync(c => c.Key == key, ct);
        if (cause is null) return new RootCauseNotFound(key);
        var check = new Validator();
        if (request.Name.IsSet) check.Required("name", request.Name.Value, ComplaintLimits.RootCauseNameLength);
        if (request.IsActive is { IsSet: true, Value: null }) check.Add("isActive", "isActive cannot be empty.");
        if (!check.IsValid) return check.ToError();
        var name = request.Name.IsSet ? request.Name.Value!.Trim() : cause.Name;
        if (name != cause.Name && await db.ComplaintRootCauses.AnyAsync(c => c.Name == name && c.Key != key, ct)) return new RootCauseTaken("name");

        cause.Name = name;
        if (request.IsActive.IsSet) cause.IsActive = request.IsActive.Value!.Value;
        var changes = AuditChanges.FromEntry(db.Entry(cause), nameof(ComplaintRootCause.UpdatedAt));
        if (changes.IsEmpty) return ToDto(cause);
        cause.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "complaint_root_cause", key, cause.IsActive ? "updated" : "retired", changes);
        return await TrySaveAsync(cause, ct);
    }

    private async Task<Result<RootCauseDto>> TrySaveAsync(ComplaintRootCause cause, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two managers adding the same cause at once: the unique key and name decide.
            return new RootCauseTaken("key or name");
        }
        return ToDto(cause);
    }

    private static RootCauseDto ToDto(ComplaintRootCause cause) => new(cause.Key, cause.Name, cause.IsActive, cause.UpdatedAt);
}

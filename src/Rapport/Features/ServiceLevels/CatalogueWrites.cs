using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels;

/// <summary>
/// How the offer's catalogues (calendars, services, SLA policies) save a change: every record has a unique name,
/// which the use case checks first and the unique index settles in a race, and every change is audited with it.
/// </summary>
internal static class CatalogueWrites
{
    /// <summary>Saves a new record, then its "created" event under the id it was given, in one transaction.</summary>
    public static Task<Result<long>> CreateAsync(this RapportDbContext db, AuditLog audit, Actor actor, string entityType,
        Func<long> idOf, AuditChanges changes, ValidationError nameTaken, CancellationToken ct) =>
        db.InTransactionAsync<Result<long>>(async () =>
        {
            if (!await TrySaveAsync(db, ct)) return nameTaken;
            var id = idOf();
            audit.Record(actor, entityType, id.ToString(CultureInfo.InvariantCulture), "created", changes);
            await db.SaveChangesAsync(ct);
            return id;
        }, ct);

    /// <summary>Saves a change whose audit event is already recorded.</summary>
    public static async Task<Result<long>> SaveAsync(this RapportDbContext db, long id, ValidationError nameTaken, CancellationToken ct) =>
        await TrySaveAsync(db, ct) ? id : nameTaken;

    /// <summary>What an update did, for the audit trail: "updated", or <paramref name="off"/>/<paramref name="on"/> when it switched isActive.</summary>
    public static string UpdateAction(AuditChanges changes, string off, string on) =>
        changes.Fields.TryGetValue("isActive", out var active) ? (Equals(active.After, false) ? off : on) : "updated";

    private static async Task<bool> TrySaveAsync(RapportDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }
}

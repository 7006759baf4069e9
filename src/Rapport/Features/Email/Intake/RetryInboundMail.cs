using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake;

/// <summary>What an admin does with a message that was set aside: run it through the intake again, or make it a ticket by hand.</summary>
public sealed class RetryInboundMail(RapportDbContext db, ProcessInboundMail process, InboundMailList list, AuditLog audit)
{
    /// <summary>Back to "received" and through the filters again, as if it had just come (after a fix, or when a held sender has calmed down).</summary>
    public async Task<Result<InboundMailDto>> RetryAsync(long id, Actor actor, CancellationToken ct)
    {
        var reset = await db.InboundMails.Where(m => m.Id == id && (m.Status == InboundMailStatus.Unprocessable || m.Status == InboundMailStatus.Ignored))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, InboundMailStatus.Received).SetProperty(m => m.Attempts, 0), ct);
        if (reset == 0) return await RefusalAsync(id, ct);
        Record(actor, id, "retried");
        await db.SaveChangesAsync(ct);
        await process.ExecuteAsync(id, ct);
        return await list.GetAsync(id, ct);
    }

    /// <summary>A ticket from the message whatever the filters said; only a message without a sender cannot become one.</summary>
    public async Task<Result<InboundMailDto>> MakeTicketAsync(long id, Actor actor, CancellationToken ct)
    {
        var status = await db.InboundMails.Where(m => m.Id == id).Select(m => (InboundMailStatus?)m.Status).FirstOrDefaultAsync(ct);
        if (status is not (InboundMailStatus.Unprocessable or InboundMailStatus.Ignored)) return await RefusalAsync(id, ct);
        var after = await process.ExecuteAsync(id, ct, byHand: true);
        if (after != InboundMailStatus.Processed)
            return new ConflictError("The message has no usable sender address, so there is nobody to make a ticket for.");
        Record(actor, id, "made_ticket");
        await db.SaveChangesAsync(ct);
        return await list.GetAsync(id, ct);
    }

    private async Task<Error> RefusalAsync(long id, CancellationToken ct) =>
        await db.InboundMails.AnyAsync(m => m.Id == id, ct)
            ? new ConflictError("Only a message that was set aside (unprocessable or ignored) can be retried or made a ticket.")
            : new NotFoundError($"No received message has the id {id}.");

    private void Record(Actor actor, long id, string action) =>
        audit.Record(actor, "inbound_mail", id.ToString(CultureInfo.InvariantCulture), action, new AuditChanges());
}

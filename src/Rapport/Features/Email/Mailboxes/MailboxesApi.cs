using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>The mailboxes Rapport sends from, for admins. No response carries a password: hasPassword says whether one is set.</summary>
public static class MailboxesApi
{
    public static IEndpointRouteBuilder MapMailboxes(this IEndpointRouteBuilder app)
    {
        var mailboxes = app.MapGroup("/api/v1/mailboxes").WithTags("Mailboxes").RequireAuthorization(Policies.Admins);
        mailboxes.MapGet("/", ListAsync).WithName("ListMailboxes").WithSummary("Every mailbox, by name");
        mailboxes.MapGet("/{id:long}", GetAsync).WithName("GetMailbox").WithSummary("Read a mailbox (without its password)");
        mailboxes.MapPost("/", CreateAsync).WithName("CreateMailbox").WithSummary("Add a mailbox with its SMTP server")
            .WithIdempotency().WithJsonBodyLimit();
        mailboxes.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateMailbox")
            .WithSummary("Change a mailbox; password null or empty removes it, left out keeps it").WithJsonBodyLimit();
        mailboxes.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteMailbox")
            .WithSummary("Delete a mailbox; refused (409) while mail waits in the outbox for it");
        mailboxes.MapPost("/{id:long}/test", TestAsync).WithName("SendMailboxTestMail")
            .WithSummary("Queue a test message from the mailbox to the signed-in admin");
        mailboxes.MapGet("/{id:long}/audit", AuditAsync).WithName("MailboxAudit").WithSummary("Every change to the mailbox, oldest first");
        return app;
    }

    private static async Task<Ok<List<MailboxDto>>> ListAsync(ReadMailboxes read, CancellationToken ct) => TypedResults.Ok(await read.ListAsync(ct));

    private static async Task<Results<Ok<MailboxDto>, ProblemHttpResult>> GetAsync(long id, ReadMailboxes read, CancellationToken ct) =>
        (await read.GetAsync(id, ct)).ToOk();

    private static async Task<Results<Created<MailboxDto>, ProblemHttpResult>> CreateAsync(
        CreateMailboxRequest request, CreateMailbox create, ReadMailboxes read, HttpContext http, CancellationToken ct)
    {
        var created = await create.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/mailboxes/{created.Value}", (await read.GetAsync(created.Value, ct)).Value);
    }

    private static async Task<Results<Ok<MailboxDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateMailboxRequest request, UpdateMailbox update, ReadMailboxes read, HttpContext http, CancellationToken ct)
    {
        var updated = await update.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct);
        return updated.Succeeded ? (await read.GetAsync(id, ct)).ToOk() : updated.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, DeleteMailbox delete, HttpContext http, CancellationToken ct)
    {
        var deleted = await delete.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }

    private static async Task<Results<Accepted<TestMailQueued>, ProblemHttpResult>> TestAsync(long id, SendTestMail send, HttpContext http, CancellationToken ct)
    {
        var queued = await send.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct);
        return queued.Succeeded ? TypedResults.Accepted((string?)null, queued.Value) : queued.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long id, RapportDbContext db, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await AuditTrail.PageAsync(db.AuditEvents.ForEntity("mailbox", id), limit, cursor, ct)).ToOk();
}

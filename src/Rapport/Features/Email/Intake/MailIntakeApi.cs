using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Attachments;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake;

/// <summary>What the inbound endpoint answers: the stored message's id, whether it had come before, and where it went.</summary>
public sealed record InboundMailReceipt(long Id, bool AlreadyReceived, InboundMailStatus Status, long? TicketNumber);

public static class MailIntakeApi
{
    public static IEndpointRouteBuilder MapMailIntake(this IEndpointRouteBuilder app)
    {
        var mail = app.MapGroup("/api/v1/mail/inbound").WithTags("Email");
        mail.MapPost("/", ReceiveAsync).RequireAuthorization(Policies.MailIntake).WithName("ReceiveMail")
            .WithSummary("Receive one raw email (Content-Type: message/rfc822), for a relay; a token scoped to mail intake is enough. The same message twice is stored once.");
        mail.MapGet("/", ListAsync).RequireAuthorization(Policies.Admins).WithName("ListInboundMail")
            .WithSummary("Received messages, newest first; status=unprocessable is the list that waits for a person");
        mail.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Admins).WithName("GetInboundMail").WithSummary("Read one received message's record");
        mail.MapGet("/{id:long}/raw", RawAsync).RequireAuthorization(Policies.Admins).WithName("GetInboundMailRaw")
            .WithSummary("The message exactly as it was received (.eml)");
        mail.MapPost("/{id:long}/retry", RetryAsync).RequireAuthorization(Policies.Admins).WithName("RetryInboundMail")
            .WithSummary("Run a set-aside message through the intake again");
        mail.MapPost("/{id:long}/ticket", MakeTicketAsync).RequireAuthorization(Policies.Admins).WithName("MakeTicketFromInboundMail")
            .WithSummary("Make a ticket of a set-aside message whatever the filters said (a held sender, a report read as a bounce)");
        app.MapGet("/api/v1/tickets/{number:long}/messages/{messageId:long}/original", OriginalAsync).WithTags("Email")
            .RequireAuthorization(Policies.Staff).WithName("GetMessageOriginal")
            .WithSummary("The email a message came from, exactly as received (.eml), with the quoted history the timeline leaves out");
        return app;
    }

    private static async Task<Results<Ok<InboundMailReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, ReceiveMail receive, ProcessInboundMail process, string? mailbox, CancellationToken ct)
    {
        if (request.ContentType is { } type && !type.StartsWith("message/rfc822", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            return ValidationError.For("message", "Send the raw message with Content-Type: message/rfc822.").ToProblem();
        var received = await receive.ExecuteAsync(request.Body, MailIntakeVia.Api, mailbox, ct);
        if (!received.Succeeded) return received.Error!.ToProblem();
        return TypedResults.Ok(await ReceiptAsync(received.Value!, process, ct));
    }

    /// <summary>
    /// A new message is processed at once, so the caller learns its ticket. One seen before is only reported, unless it
    /// is still waiting (the process died after storing it): the sender's retry finishes the job, claimed as always.
    /// </summary>
    internal static async Task<InboundMailReceipt> ReceiptAsync(ReceivedMail received, ProcessInboundMail process, CancellationToken ct)
    {
        if (received.AlreadyReceived && received.Status != InboundMailStatus.Received)
            return new(received.Id, true, received.Status, received.TicketNumber);
        var status = await process.ExecuteAsync(received.Id, ct);
        return new(received.Id, received.AlreadyReceived, status, await process.TicketOfAsync(received.Id, ct));
    }

    private static async Task<Results<Ok<Page<InboundMailDto>>, ProblemHttpResult>> ListAsync(
        InboundMailList list, string? status, string? cursor, int? limit, CancellationToken ct)
    {
        var check = new Validator();
        var wanted = QueryEnums.Parse<InboundMailStatus>("status", status, check);
        return check.IsValid ? (await list.ListAsync(wanted, cursor, limit, ct)).ToOk() : check.ToError().ToProblem();
    }

    private static async Task<Results<Ok<InboundMailDto>, ProblemHttpResult>> GetAsync(long id, InboundMailList list, CancellationToken ct) =>
        (await list.GetAsync(id, ct)).ToOk();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> RawAsync(
        long id, RapportDbContext db, AttachmentStore store, HttpContext http, CancellationToken ct)
    {
        var key = await db.InboundMails.Where(m => m.Id == id).Select(m => m.StorageKey).FirstOrDefaultAsync(ct);
        return key is null ? new NotFoundError($"No received message has the id {id}.").ToProblem() : Original(http, store, key, id);
    }

    private static async Task<Results<Ok<InboundMailDto>, ProblemHttpResult>> RetryAsync(long id, RetryInboundMail retry, HttpContext http, CancellationToken ct) =>
        (await retry.RetryAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<InboundMailDto>, ProblemHttpResult>> MakeTicketAsync(long id, RetryInboundMail retry, HttpContext http, CancellationToken ct) =>
        (await retry.MakeTicketAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> OriginalAsync(
        long number, long messageId, RapportDbContext db, AttachmentStore store, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var visible = await db.Tickets.VisibleTo(actor, db).AnyAsync(t => t.Number == number, ct);
        var found = visible
            ? await db.InboundMails.Where(m => m.TicketNumber == number && m.MessageId == messageId).Select(m => new { m.Id, m.StorageKey }).FirstOrDefaultAsync(ct)
            : null;
        return found is null ? new NotFoundError("This message did not come by email, or there is no such message.").ToProblem() : Original(http, store, found.StorageKey, found.Id);
    }

    /// <summary>Always a download: a received message is hostile content, never shown by the browser.</summary>
    private static FileStreamHttpResult Original(HttpContext http, AttachmentStore store, string key, long id)
    {
        var name = $"message-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}.eml";
        AttachmentsApi.ProtectDownload(http.Response.Headers, name, inline: false);
        return TypedResults.Stream(store.OpenRead(key), "message/rfc822");
    }
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Automation;
using Rapport.Features.ServiceLevels;
using Rapport.Features.Complaints;
using Rapport.Features.Tickets.Attachments;
using Rapport.Features.Tickets.Content;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

public sealed record AddMessageRequest(
    string? Body,
    MessageVisibility? Visibility,
    Channel? Channel,
    Direction? Direction,
    TicketStatus? Status,
    string[]? Uploads = null);

/// <summary>
/// Adds a reply or an internal note to a ticket and moves the ticket as the status rules say:
/// a customer's reply reopens it, the first public staff reply opens it and stops the
/// first-response clock. "Send and set status" is the optional <c>status</c>.
/// </summary>
public sealed class AddMessage(
    RapportDbContext db, AttachUploads attachments, TicketServiceLevels serviceLevels, RunAutomation automation, AuditLog audit,
    TimeProvider clock, TicketChanges changes, ITicketMailer mailer)
{
    public Task<Result<long>> ExecuteAsync(long number, AddMessageRequest request, Actor actor, CancellationToken ct) =>
        ExecuteAsync(number, request, null, actor, ct);

    /// <summary>With <paramref name="content"/>, the message is what a channel brought (an email), not the request's Markdown body.</summary>
    public async Task<Result<long>> ExecuteAsync(long number, AddMessageRequest request, ChannelContent? content, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        if (content is null) check.Required("body", request.Body, TicketLimits.BodyLength, multiline: true);
        if (!actor.IsStaff && request.Status is not null) check.Add("status", "Customers cannot set the status.");
        AttachUploads.Validate(request.Uploads, check);
        if (!check.IsValid) return check.ToError();

        var ticket = await db.Tickets.VisibleTo(actor, db).Include(t => t.Tags).Include(t => t.SlaClocks)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return new TicketNotFound(number);

        var visibility = request.Visibility ?? MessageVisibility.Public;
        var (status, refusal) = TicketStatusRules.AfterMessage(ticket.Status, actor.IsCustomer, visibility);
        if (refusal is not null) return new TransitionRefused(refusal);
        if (request.Status is { } wanted)
        {
            refusal = TicketStatusRules.RefusalFor(status, wanted, ticket.AssigneeId is not null);
            refusal ??= await ComplaintSolving.RefusalAsync(db, ticket, status, wanted, ct); // complaints (C10)
            if (refusal is not null) return new TransitionRefused(refusal);
            status = wanted;
        }
        var uploads = await attachments.FindAsync(request.Uploads, actor, ct);
        if (!uploads.Succeeded) return uploads.Error!;

        var now = clock.GetUtcNow();
        var (text, html) = content is null ? MessageBody.FromMarkdown(request.Body!) : (content.Text, content.Html);
        var message = new Message
        {
            TicketNumber = number,
            Visibility = visibility,
            Channel = request.Channel ?? (actor.IsStaff ? Channel.Api : Channel.Web),
            Direction = request.Direction ?? (actor.IsStaff ? Direction.Outbound : Direction.Inbound),
            AuthorUserId = actor.IsStaff ? actor.UserId : null,
            AuthorCustomerId = actor.IsStaff ? null : actor.CustomerId,
            BodyText = text,
            BodyHtml = html,
            CreatedAt = now,
        };
        attachments.Attach(uploads.Value!, message, number, now);
        content?.AttachTo(message, number, now);
        db.Messages.Add(message);

        var before = ticket.Status;
        TicketStatusRules.Apply(ticket, status, now);
        // A response is the organisation speaking to the customer; a call the customer made, logged by an agent, is not one.
        var isPublic = visibility == MessageVisibility.Public;
        var responded = actor.IsStaff && isPublic && message.Direction == Direction.Outbound;
        if (responded && ticket.FirstRespondedAt is null) ticket.FirstRespondedAt = now;
        await serviceLevels.ApplyAsync(ticket, new SlaChange(StatusBefore: before, StaffReplied: responded,
            CustomerWrote: isPublic && message.Direction == Direction.Inbound), await db.RequesterFactsAsync(ticket, ct), ct);
        ticket.UpdatedAt = now;
        ticket.Version++;

        var saved = await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            var id = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            audit.Record(actor, "message", id, visibility == MessageVisibility.Internal ? "note_added" : "reply_added",
                new AuditChanges().Set("visibility", null, visibility).Set("channel", null, message.Channel).Set("direction", null, message.Direction),
                ticketNumber: number, customerId: ticket.RequesterId);
            if (before != ticket.Status)
                audit.Record(actor, "ticket", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated",
                    new AuditChanges().Set("status", before, ticket.Status), ticketNumber: number, customerId: ticket.RequesterId);
            // A written reply goes to the customer by email; a call or a letter logged here already reached them.
            if (responded && message.Channel is Channel.Email or Channel.Web or Channel.Api) await mailer.SendReplyAsync(ticket, message, ct);
            if (actor.IsCustomer && isPublic) await mailer.NotifyCustomerRepliedAsync(ticket, message, ct);
            await db.SaveChangesAsync(ct);
            changes.Publish(number);
            return message.Id;
        }, ct);
        await automation.AfterChangeAsync(number, AutomationTrigger.TicketUpdated, ct);
        return saved;
    }
}

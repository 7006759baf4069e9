using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Automation;
using Rapport.Features.ServiceLevels;
using Rapport.Features.Complaints;
using Rapport.Features.Notifications;
using Rapport.Features.Tickets.Attachments;
using Rapport.Features.Tickets.Content;
using Rapport.Features.Tickets.Live;
using Rapport.Features.Tickets.Mentions;
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
/// first-response clock. "Send and set status" is the optional <c>status</c>. Colleagues an internal note mentions
/// (<c>@ann</c>) are told, in the workspace and by email, and follow the ticket from then on.
/// </summary>
public sealed class AddMessage(
    RapportDbContext db, AttachUploads attachments, TicketServiceLevels serviceLevels, RunAutomation automation, AuditLog audit,
    TimeProvider clock, TicketChanges changes, ITicketMailer mailer, FindMentionedAgents mentions, Notify notify)
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
        // Only a colleague's note calls on colleagues; a reply's "@" is written to the customer.
        var mentioned = actor.IsStaff && visibility == MessageVisibility.Internal && content is null
            ? (await mentions.ExecuteAsync(request.Body!, ticket, ct)).Where(m => m.SeesTicket && m.Id != actor.UserId).ToList()
            : [];

        var saved = await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            var id = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            audit.Record(actor, "message", id, visibility == MessageVisibility.Internal ? "note_added" : "reply_added",
                new AuditChanges().Set("visibility", null, visibility).Set("channel", null, message.Channel).Set("direction", null, message.Direction)
                    .Set("mentioned", null, mentioned.Count == 0 ? null : mentioned.Select(m => m.Name)),
                ticketNumber: number, customerId: ticket.RequesterId);
            if (mentioned.Count > 0) await TellMentionedAsync(ticket, message, mentioned, actor, ct);
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

    private async Task TellMentionedAsync(Ticket ticket, Message note, IReadOnlyList<MentionedAgent> mentioned, Actor actor, CancellationToken ct)
    {
        var ids = mentioned.Select(m => m.Id).ToList();
        notify.People(ids, "mentioned", $"#{ticket.Number} {ticket.Subject}: {actor.Name} mentioned you in a note", ticket.Number, actor.UserId);
        foreach (var id in ids) await mailer.NotifyMentionedAsync(ticket, note, id, ct);
        // As in Zammad and Zendesk, whoever is called on follows the ticket from then on.
        var following = await db.TicketFollowers.Where(f => f.TicketNumber == ticket.Number && ids.Contains(f.UserId)).Select(f => f.UserId).ToListAsync(ct);
        foreach (var id in ids.Except(following)) db.TicketFollowers.Add(new TicketFollower { TicketNumber = ticket.Number, UserId = id });
    }
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Automation;
using Rapport.Features.Conditions;
using Rapport.Features.Complaints;
using Rapport.Features.Customers;
using Rapport.Features.ServiceLevels;
using Rapport.Features.Routing;
using Rapport.Features.Tickets.Attachments;
using Rapport.Features.Tickets.Content;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

public sealed record RequesterInput(string? Email, string? Name);

public sealed record CreateTicketRequest(
    string? Subject,
    string? Body,
    RequesterInput? Requester,
    long? RequesterId,
    Channel? Channel,
    Direction? Direction,
    TicketType? Type,
    Priority? Priority,
    string[]? Tags,
    long? TeamId,
    Guid? AssigneeId,
    string[]? Uploads = null,
    long? ServiceId = null);

/// <summary>
/// Opens a ticket with its first message. The requester is found or created from an email
/// address; an inbound first message is the customer's words, an outbound one the agent's
/// (an outbound call, a letter sent). Customers can only open tickets for themselves.
/// </summary>
public sealed class CreateTicket(
    RapportDbContext db, FindOrCreateCustomer customers, AttachUploads attachments, TicketServiceLevels serviceLevels, AutoAssign autoAssign,
    RunAutomation automation, ITicketMailer mailer, AuditLog audit, TimeProvider clock)
{
    public Task<Result<long>> ExecuteAsync(CreateTicketRequest request, Actor actor, CancellationToken ct) =>
        ExecuteAsync(request, null, actor, ct);

    /// <summary>With <paramref name="content"/>, the first message is what a channel brought (an email), not the request's Markdown body.</summary>
    public async Task<Result<long>> ExecuteAsync(CreateTicketRequest request, ChannelContent? content, Actor actor, CancellationToken ct)
    {
        var check = new Validator().Required("subject", request.Subject, TicketLimits.SubjectLength);
        if (content is null) check.Required("body", request.Body, TicketLimits.BodyLength, multiline: true);
        var tags = TicketTags.Validate("tags", request.Tags, check);
        if (actor.IsStaff) ValidateRequester(request, check);
        else if (request.TeamId is not null || request.AssigneeId is not null || request.Tags is not null
                 || request.Direction == Tickets.Direction.Outbound)
            check.Add("body", "Customers cannot set a team, an assignee, tags or an outbound direction.");
        AttachUploads.Validate(request.Uploads, check);
        var references = new TicketReferences(db);
        if (actor.IsStaff) await references.CheckAsync(request.TeamId, request.AssigneeId, check, ct);
        var service = await references.CheckServiceAsync(request.ServiceId, actor, check, ct);
        if (!check.IsValid) return check.ToError();
        var uploads = await attachments.FindAsync(request.Uploads, actor, ct);
        if (!uploads.Succeeded) return uploads.Error!;

        // Everything but the writes happens before the transaction: on SQLite the write lock is held for as little as possible.
        var (text, html) = content is null ? MessageBody.FromMarkdown(request.Body!) : (content.Text, content.Html);
        var known = await FindRequesterAsync(request, actor, ct);
        if (known is null && (!actor.IsStaff || request.RequesterId is not null))
            return ValidationError.For("requesterId", "No customer has this id.");
        var newRequester = known is null ? await customers.PrepareAsync(request.Requester!.Email!, request.Requester.Name, ct) : null;
        var now = clock.GetUtcNow();
        var ticket = NewTicket(request, actor, tags, text, html, now);
        // A ticket about a service goes to the team that delivers it, unless someone chose a team.
        ticket.TeamId ??= service?.TeamId;
        ticket.OrganisationId = known is not null ? known.OrganisationId : newRequester!.OrganisationId;
        var facts = known?.Facts ?? new RequesterFacts(newRequester!.Kind, newRequester.PreferredLanguage,
            ticket.OrganisationId is null ? null : await db.Organisations.Where(o => o.Id == ticket.OrganisationId).Select(o => o.Tier).FirstOrDefaultAsync(ct));
        await serviceLevels.ApplyAsync(ticket, SlaChange.NewTicket, facts, ct);
        // Routing (C6): a ticket with a team and nobody on it gets an agent by the team's method; chosen here, written below.
        var routed = await autoAssign.ChooseAsync(ticket, known?.Id, ct);

        var number = await db.InTransactionAsync(async () =>
        {
            var requester = known ?? RequesterKey.Of(await customers.CreateAsync(newRequester!, actor, ct));
            ticket.RequesterId = requester.Id;
            if (ticket.Messages[0].Direction == Tickets.Direction.Inbound) ticket.Messages[0].AuthorCustomerId = requester.Id;
            db.Tickets.Add(ticket);
            // Read the fields while the entry is still Added: after saving, EF no longer reports them as changes.
            var created = AuditChanges.FromEntry(db.Entry(ticket), nameof(Ticket.Number), nameof(Ticket.Version), nameof(Ticket.UpdatedAt), nameof(Ticket.CreatedAt))
                .Set("tags", null, ticket.Tags.Select(t => t.Name));
            await db.SaveChangesAsync(ct);
            // The ticket's number exists from here; the attachments are written with the audit, in this transaction.
            attachments.Attach(uploads.Value!, ticket.Messages[0], ticket.Number, now);
            content?.AttachTo(ticket.Messages[0], ticket.Number, now);
            await ComplaintIntake.OpenIfComplaintAsync(db, audit, ticket, actor, now, ct); // complaints (C10)

            audit.Record(actor, "ticket", ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", created,
                ticketNumber: ticket.Number, customerId: requester.Id);
            if (routed is not null) await autoAssign.ApplyAsync(routed, ticket, ct);
            // The customer's own request (by email or in the portal) is acknowledged; one an agent files for them is not.
            if (ticket.Messages[0].Direction == Tickets.Direction.Inbound && (content is not null || actor.IsCustomer))
                await mailer.AcknowledgeAsync(ticket, content, ct);
            await db.SaveChangesAsync(ct);
            return ticket.Number;
        }, ct);
        await automation.AfterChangeAsync(number, AutomationTrigger.TicketCreated, ct);
        return number;
    }

    private static Ticket NewTicket(CreateTicketRequest request, Actor actor, IReadOnlyList<string>? tags, string text, string html, DateTimeOffset now)
    {
        var direction = request.Direction ?? Tickets.Direction.Inbound;
        var channel = request.Channel ?? (actor.IsStaff ? Tickets.Channel.Api : Tickets.Channel.Web);
        var ticket = new Ticket
        {
            Subject = request.Subject!.Trim(),
            Channel = channel,
            Type = request.Type ?? TicketType.Question,
            Priority = request.Priority ?? Priority.Normal,
            Status = TicketStatus.New,
            ServiceId = request.ServiceId,
            TeamId = request.TeamId,
            AssigneeId = request.AssigneeId,
            Tags = tags?.Select(t => new TicketTag { Name = t }).ToList() ?? [],
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            Messages =
            [
                new Message
                {
                    Visibility = MessageVisibility.Public,
                    Channel = channel,
                    Direction = direction,
                    AuthorUserId = direction == Tickets.Direction.Outbound ? actor.UserId : null,
                    BodyText = text,
                    BodyHtml = html,
                    CreatedAt = now,
                },
            ],
        };
        // An outbound first contact is the organisation speaking first: the ticket is already being worked.
        if (direction == Tickets.Direction.Outbound)
        {
            ticket.Status = TicketStatus.Open;
            ticket.FirstRespondedAt = now;
        }
        return ticket;
    }

    private static void ValidateRequester(CreateTicketRequest request, Validator check)
    {
        if (request.RequesterId is null && request.Requester is null)
            check.Add("requester", "Give the requester as {email, name} or as requesterId.");
        else if (request.RequesterId is not null && request.Requester is not null)
            check.Add("requester", "Give either requester or requesterId, not both.");
        if (request.Requester is { } requester)
        {
            check.Required("requester.email", requester.Email, CustomerLimits.EmailLength).Email("requester.email", requester.Email);
            check.Text("requester.name", requester.Name, CustomerLimits.NameLength);
        }
    }

    /// <summary>The requester when they exist already; null for a new email address (created in the transaction).</summary>
    private async Task<RequesterKey?> FindRequesterAsync(CreateTicketRequest request, Actor actor, CancellationToken ct)
    {
        var id = actor.IsStaff ? request.RequesterId : actor.CustomerId;
        if (id is not null)
            return await db.Customers.Where(c => c.Id == id)
                .Select(c => new RequesterKey(c.Id, c.OrganisationId, new RequesterFacts(c.Kind, c.PreferredLanguage, c.Organisation!.Tier)))
                .FirstOrDefaultAsync(ct);
        var address = EmailAddress.Normalise(request.Requester!.Email!);
        // Through the unique address index, then the customer by key: two seeks.
        return await (from e in db.CustomerEmails
                      where e.Address == address
                      join c in db.Customers on e.CustomerId equals c.Id
                      select new RequesterKey(c.Id, c.OrganisationId, new RequesterFacts(c.Kind, c.PreferredLanguage, c.Organisation!.Tier)))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Who the requester is, and what service-level policies test about them.</summary>
    private sealed record RequesterKey(long Id, long? OrganisationId, RequesterFacts? Facts)
    {
        public static RequesterKey Of(Customer customer) => new(customer.Id, customer.OrganisationId, null);
    }
}

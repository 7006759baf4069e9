using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake.Filters;

/// <summary>
/// Which ticket the mail continues, tried in this order:
/// 1. its In-Reply-To and References against the Message-IDs Rapport received and sent ("thread");
/// 2. a ticket token such as [#1042] in the subject, when the sender is that ticket's requester ("ticket token");
/// 3. the sender's open ticket with the same subject (reply prefixes and tokens aside) from the last days ("subject").
/// A closed ticket is not reopened by mail: the mail opens a new ticket that says which one it follows.
/// </summary>
public sealed class FollowUpFilter(RapportDbContext db, IOptions<EmailIntakeOptions> options, TimeProvider clock) : IIntakeFilter
{
    /// <summary>A References header can list a whole thread; the newest ids are the ones that matter.</summary>
    private const int MaxReferences = 50;

    public async Task ApplyAsync(IncomingMail mail, CancellationToken ct)
    {
        if (mail.From is null) return;
        var sender = EmailAddress.Normalise(mail.From.Address);
        var found = await ByThreadAsync(mail, ct) is { } thread ? (thread, "thread")
            : await ByTokenAsync(mail, sender, ct) is { } token ? (token, "ticket token")
            : await BySubjectAsync(mail, sender, ct) is { } subject ? (subject, "subject")
            : ((long?)null, (string?)null);
        if (found.Item1 is not { } number) return;

        var status = await db.Tickets.Where(t => t.Number == number).Select(t => (TicketStatus?)t.Status).FirstOrDefaultAsync(ct);
        if (status == TicketStatus.Closed)
        {
            mail.Notes.Add($"A follow-up to #{number.ToString(CultureInfo.InvariantCulture)}, which is closed.");
            return;
        }
        (mail.FollowUpOf, mail.FollowUpBy) = (number, found.Item2);
    }

    private async Task<long?> ByThreadAsync(IncomingMail mail, CancellationToken ct)
    {
        var ids = mail.Message.References.Append(mail.Message.InReplyTo)
            .Where(id => id is { Length: > 0 and <= TicketLimits.EmailMessageIdLength }).Select(id => id!)
            .TakeLast(MaxReferences).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return null;
        // The Message-ID index; the newest message of the thread decides if the ids span tickets.
        var byMessage = await db.Messages.Where(m => m.EmailMessageId != null && ids.Contains(m.EmailMessageId))
            .OrderByDescending(m => m.Id).Select(m => (long?)m.TicketNumber).FirstOrDefaultAsync(ct);
        if (byMessage is not null) return byMessage;
        // Mail Rapport sent that is no message of the ticket (an acknowledgement) keeps its id, bracketed, in the outbox.
        var bracketed = ids.Select(id => "<" + id + ">").ToList();
        return await db.OutgoingMail.Where(m => m.TicketNumber != null && bracketed.Contains(m.MessageId))
            .OrderByDescending(m => m.Id).Select(m => m.TicketNumber).FirstOrDefaultAsync(ct);
    }

    private async Task<long?> ByTokenAsync(IncomingMail mail, string sender, CancellationToken ct)
    {
        if (SubjectLine.TicketNumber(mail.Message.Subject) is not { } number) return null;
        // Only the requester may continue a ticket by its number: numbers are easy to guess, Message-IDs are not.
        var requesters = await db.Tickets.Where(t => t.Number == number)
            .SelectMany(t => t.Requester.Emails.Select(e => e.Address)).ToListAsync(ct);
        if (requesters.Contains(sender, StringComparer.Ordinal)) return number;
        if (requesters.Count > 0) mail.Notes.Add($"The subject names #{number.ToString(CultureInfo.InvariantCulture)}, whose requester is someone else.");
        return null;
    }

    private async Task<long?> BySubjectAsync(IncomingMail mail, string sender, CancellationToken ct)
    {
        var subject = SubjectLine.Normalise(mail.Message.Subject);
        if (subject.Length == 0 || options.Value.SubjectMatchDays == 0) return null;
        var since = clock.GetUtcNow().AddDays(-options.Value.SubjectMatchDays);
        var candidates = await (from e in db.CustomerEmails
                                where e.Address == sender
                                join t in db.Tickets on e.CustomerId equals t.RequesterId
                                where t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed && t.UpdatedAt >= since
                                orderby t.UpdatedAt descending
                                select new { t.Number, t.Subject }).Take(20).ToListAsync(ct);
        return candidates.FirstOrDefault(t => string.Equals(SubjectLine.Normalise(t.Subject), subject, StringComparison.OrdinalIgnoreCase))?.Number;
    }
}

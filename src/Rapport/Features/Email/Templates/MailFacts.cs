using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.ServiceLevels.Clocks;

namespace Rapport.Features.Email.Templates;

/// <summary>
/// What a mail about a ticket says, before it is put into words for one recipient. The promised response is the
/// service's first response (counted in working time when the service has hours), or else the first-response
/// target of the ticket's SLA policy.
/// </summary>
public sealed record MailFacts(
    long TicketNumber,
    string Subject,
    string CustomerName,
    string? CustomerLanguage,
    string? ServiceName,
    int? ResponseMinutes,
    bool ResponseInWorkingTime,
    string? AgentName,
    string? ReplyText,
    string? ReplyHtml)
{
    /// <summary>Reads the ticket, its requester, service, policy target and assignee in one query; null when there is no such ticket.</summary>
    public static async Task<MailFacts?> LoadAsync(IQueryable<Tickets.Ticket> tickets, RapportDbContext db, long number, CancellationToken ct)
    {
        var row = await tickets.AsNoTracking().Where(t => t.Number == number).Select(t => new
        {
            t.Number,
            t.Subject,
            CustomerName = t.Requester.Name,
            t.Requester.PreferredLanguage,
            ServiceName = t.Service!.Name,
            ServiceMinutes = t.Service!.FirstResponseMinutes,
            ServiceCalendarId = t.Service!.CalendarId,
            // A policy has at most one target per metric, so these read that one target's minutes and kind.
            PolicyMinutes = db.SlaPolicies.Where(p => p.Id == t.SlaPolicyId).SelectMany(p => p.Targets)
                .Where(x => x.Metric == SlaMetric.FirstResponse).Max(x => (int?)x.Minutes),
            PolicyBusinessHours = db.SlaPolicies.Where(p => p.Id == t.SlaPolicyId).SelectMany(p => p.Targets)
                .Any(x => x.Metric == SlaMetric.FirstResponse && x.BusinessHours),
            AssigneeName = t.Assignee!.DisplayName,
        }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var (minutes, working) = row.ServiceMinutes is { } promised
            ? (promised, row.ServiceCalendarId is not null)
            : (row.PolicyMinutes, row.PolicyBusinessHours);
        return new MailFacts(row.Number, row.Subject, row.CustomerName, row.PreferredLanguage, row.ServiceName, minutes, working,
            row.AssigneeName, null, null);
    }

    /// <summary>A made-up ticket for previews, in the preview's language where it has one.</summary>
    public static MailFacts Sample(string language, string agentName) => MailLanguages.IsGerman(language)
        ? new(1042, "Heizung macht laute Geräusche", "Anna Schmidt", language, "Reparaturen im Haus", 240, true, agentName,
            "Vielen Dank für die Fotos. Unser Techniker kommt am Dienstagvormittag zwischen 8 und 12 Uhr vorbei.",
            "<p>Vielen Dank für die Fotos. Unser Techniker kommt am <strong>Dienstagvormittag</strong> zwischen 8 und 12 Uhr vorbei.</p>")
        : new(1042, "Boiler makes a banging noise", "Anna Smith", language, "Home repairs", 240, true, agentName,
            "Thank you for the photos. An engineer will visit on Tuesday morning, between 8 am and noon.",
            "<p>Thank you for the photos. An engineer will visit on <strong>Tuesday morning</strong>, between 8 am and noon.</p>");

    public string Number => TicketNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first word of the name: "Anna" of "Anna Smith".</summary>
    public string? CustomerFirstName =>
        CustomerName.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : null;
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

/// <summary>
/// Copies customers in on a ticket by address (an email's Cc), creating the customers that are new. The caller saves,
/// in its own transaction; addresses already copied in, and the requester, are left as they are.
/// </summary>
public sealed class CopyCustomersIn(RapportDbContext db, FindOrCreateCustomer customers, AuditLog audit)
{
    /// <summary>More than this many people copied in is a mailing, not a conversation.</summary>
    public const int MaxPerTicket = 20;

    public async Task<IReadOnlyList<string>> ExecuteAsync(long number, long requesterId, IEnumerable<(string Address, string? Name)> people, CancellationToken ct)
    {
        var existing = await db.TicketCcs.Where(c => c.TicketNumber == number).Select(c => c.CustomerId).ToListAsync(ct);
        var added = new List<string>();
        foreach (var (address, name) in people.DistinctBy(p => EmailAddress.Normalise(p.Address)))
        {
            if (existing.Count >= MaxPerTicket) break;
            if (!EmailAddress.IsValid(address)) continue;
            var customer = await customers.ExecuteAsync(address, name, Actor.System, ct);
            if (customer.Id == requesterId || existing.Contains(customer.Id)) continue;
            db.TicketCcs.Add(new TicketCc { TicketNumber = number, CustomerId = customer.Id });
            existing.Add(customer.Id);
            added.Add(EmailAddress.Normalise(address));
        }
        if (added.Count > 0)
            audit.Record(Actor.System, "ticket", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "copied_in",
                new AuditChanges().Set("ccs", null, added), ticketNumber: number, customerId: requesterId);
        return added;
    }
}

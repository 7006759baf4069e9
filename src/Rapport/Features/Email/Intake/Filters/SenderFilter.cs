using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake.Filters;

/// <summary>
/// Who sent the mail: the first From address (or Sender). Without a usable address there is nobody to answer; mail
/// from one of Rapport's own mailboxes is Rapport talking to itself (a forwarding loop) and goes no further.
/// </summary>
public sealed class SenderFilter(RapportDbContext db) : IIntakeFilter
{
    public async Task ApplyAsync(IncomingMail mail, CancellationToken ct)
    {
        if (mail.Message.IsTooLarge)
        {
            mail.SetAside("The message is larger than the parser's limit; only its headers could be read.");
            return;
        }
        var from = mail.Message.From.FirstOrDefault() ?? mail.Message.Sender;
        if (from is null || !EmailAddress.IsValid(from.Address))
            mail.SetAside(from is null ? "The message has no sender (From) address." : $"The sender address \"{from.Address}\" is not valid.");
        else if (await db.Mailboxes.AnyAsync(m => m.Address == EmailAddress.Normalise(from.Address), ct))
            mail.Ignore($"Sent from {from.Address}, one of Rapport's own mailboxes: a mail loop.");
        else
            mail.From = from;
    }
}

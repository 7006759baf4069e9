using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake.Filters;

/// <summary>
/// Who sent the mail: the first From address (or Sender). Without a usable address there is nobody to answer; mail
/// from one of Rapport's own mailboxes is Rapport talking to itself (a forwarding loop) and goes no further; so is
/// mail that carries the <c>X-Loop</c> header Rapport puts on all it sends, naming one of its mailboxes (its own
/// mail, forwarded back by a rule that kept the headers but changed the sender).
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
        else if (await LoopedThroughAsync(mail, ct) is { } mailbox)
            mail.Ignore($"It carries X-Loop: {mailbox}: Rapport sent it, and it came back (a mail loop).");
        else
            mail.From = from;
    }

    private async Task<string?> LoopedThroughAsync(IncomingMail mail, CancellationToken ct)
    {
        var marks = mail.Message.Headers.GetAll(LoopHeader)
            .Select(h => EmailAddress.Normalise(MailHeaders.BareAddress(h.Value))).Where(a => a.Length > 0).Distinct().Take(10).ToList();
        return marks.Count == 0 ? null : await db.Mailboxes.Where(m => marks.Contains(m.Address)).Select(m => m.Address).FirstOrDefaultAsync(ct);
    }

    /// <summary>The header Rapport puts on everything it sends, naming the mailbox it was sent from.</summary>
    public const string LoopHeader = "X-Loop";
}

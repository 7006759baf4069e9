using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;

namespace Rapport.Features.Email.Intake.Filters;

/// <summary>Holds mail from a sender who writes faster than people do (a looping robot), in the unprocessable list.</summary>
public sealed class RateLimitFilter(RapportDbContext db, IOptions<EmailIntakeOptions> options) : IIntakeFilter
{
    public async Task ApplyAsync(IncomingMail mail, CancellationToken ct)
    {
        if (mail.Row.Sender is not { } sender) return;
        var limit = new SlidingWindow(options.Value.SenderLimit, TimeSpan.FromMinutes(options.Value.SenderWindowMinutes));
        var since = mail.Row.ReceivedAt - limit.Length;
        // The sender's index; no more rows than the limit needs.
        var earlier = await db.InboundMails.AsNoTracking()
            .Where(m => m.Sender == sender && m.ReceivedAt > since && m.Id < mail.Row.Id)
            .OrderByDescending(m => m.ReceivedAt).Select(m => m.ReceivedAt).Take(limit.Max + 1).ToListAsync(ct);
        var decision = IntakeRateLimit.Decide(earlier, mail.Row.ReceivedAt, limit);
        if (!decision.Allowed)
            mail.SetAside($"More than {limit.Max} messages from {sender} in {options.Value.SenderWindowMinutes} minutes: held as a possible mail loop.");
    }
}

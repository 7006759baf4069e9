namespace Rapport.Features.Email.Intake.Filters;

/// <summary>Notes whether a machine sent the mail (auto-reply, bulk or list mail, bounce): such mail is never acknowledged automatically.</summary>
public sealed class AutomaticMailFilter : IIntakeFilter
{
    public Task ApplyAsync(IncomingMail mail, CancellationToken ct)
    {
        mail.Automatic = AutomaticMail.Classify(mail.Headers, mail.From?.Address, mail.Message.Subject);
        return Task.CompletedTask;
    }
}

using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake.Filters;

/// <summary>Who sent the mail: the first From address (or Sender). Without a usable address there is nobody to answer.</summary>
public sealed class SenderFilter : IIntakeFilter
{
    public Task ApplyAsync(IncomingMail mail, CancellationToken ct)
    {
        if (mail.Message.IsTooLarge)
        {
            mail.SetAside("The message is larger than the parser's limit; only its headers could be read.");
            return Task.CompletedTask;
        }
        var from = mail.Message.From.FirstOrDefault() ?? mail.Message.Sender;
        if (from is null || !EmailAddress.IsValid(from.Address))
            mail.SetAside(from is null ? "The message has no sender (From) address." : $"The sender address \"{from.Address}\" is not valid.");
        else
            mail.From = from;
        return Task.CompletedTask;
    }
}

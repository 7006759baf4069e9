using System.CommandLine;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// <c>rapport mail ingest [--mailbox NAME]</c>: one message on standard input, for an MTA pipe (a Postfix or Exim
/// alias, fetchmail, procmail). Exit codes follow sysexits, which MTAs read: 0 stored (also when it had come
/// before), 75 try again later (the database or disk is not there), 65 the message itself is refused.
/// </summary>
public static class MailIngestCommand
{
    public const int Stored = 0;
    public const int DataError = 65;
    public const int TryAgainLater = 75;

    public static Command Create(Func<ParseResult, CancellationToken, Task<AsyncServiceScope>> open)
    {
        var mailbox = new Option<string?>("--mailbox") { Description = "The mailbox the message was addressed to (as named in Rapport)" };
        var ingest = new Command("ingest", "Receive one raw email on standard input (for an MTA pipe).") { mailbox };
        ingest.TreatUnmatchedTokensAsErrors = false;
        ingest.SetAction(async (result, ct) =>
        {
            try
            {
                await using var scope = await open(result, ct);
                var services = scope.ServiceProvider;
                await using var input = Console.OpenStandardInput();
                var received = await services.GetRequiredService<ReceiveMail>().ExecuteAsync(input, MailIntakeVia.Pipe, result.GetValue(mailbox), ct);
                if (!received.Succeeded)
                {
                    await Console.Error.WriteLineAsync("Rapport refused the message: " + received.Error!.Describe());
                    return DataError;
                }
                var receipt = await MailIntakeApi.ReceiptAsync(received.Value!, services.GetRequiredService<ProcessInboundMail>(), ct);
                await Console.Out.WriteLineAsync(Describe(receipt));
                return Stored;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Not stored: the MTA keeps the message and tries again, so nothing is lost.
                await Console.Error.WriteLineAsync("Rapport could not store the message now; the MTA should try again: " + failure.Message);
                return TryAgainLater;
            }
        });
        var mail = new Command("mail", "Email intake.");
        mail.Subcommands.Add(ingest);
        return mail;
    }

    private static string Describe(InboundMailReceipt receipt) =>
        (receipt.AlreadyReceived ? $"Already received as message {receipt.Id}" : $"Stored as message {receipt.Id}")
        + (receipt.TicketNumber is { } number ? $", ticket #{number}." : $", {receipt.Status.ToString().ToLowerInvariant()}.");
}

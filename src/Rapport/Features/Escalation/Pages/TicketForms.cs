using System.Globalization;
using Rapport.Features.Escalation.Authority;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Pages;

/// <summary>The names of the ticket page's escalation forms, and where they post.</summary>
public static class TicketForms
{
    public const string Refer = "refer";
    public const string Escalate = "escalate";
    public const string Commit = "commit";

    public static string Action(long number) => $"/agent/tickets/{number}/escalation";

    /// <summary>A box of the form, read as the request wants it; a box that holds something else is named.</summary>
    internal static long? Id(string field, string? text, Validator check)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
        check.Add(field, "Choose from the list.");
        return null;
    }
}

/// <summary>What the refer form posts; no team means the matrix's suggestion.</summary>
public sealed class ReferForm
{
    public string? TeamId { get; set; }
    public string? Reason { get; set; }

    public Referrals.ReferTicketRequest ToRequest(Validator check) => new(TicketForms.Id("teamId", TeamId, check), Reason);
}

/// <summary>What the escalate form posts; no level means the next one up.</summary>
public sealed class EscalateForm
{
    public string? ToLevel { get; set; }
    public string? Reason { get; set; }

    public EscalateTicketRequest ToRequest(Validator check) => new(Reason, (int?)TicketForms.Id("toLevel", ToLevel, check));
}

/// <summary>What the commitment form posts: an amount for money kinds, a date for a delivery promise.</summary>
public sealed class CommitForm
{
    public string? Kind { get; set; }
    public string? Amount { get; set; }
    public string? PromisedDate { get; set; }
    public string? Description { get; set; }

    public RecordCommitmentRequest ToRequest(Validator check)
    {
        var kind = QueryEnums.Parse<CommitmentKind>("kind", Kind, check);
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount) && kind is not CommitmentKind.DeliveryPromise)
        {
            // "1,250.50" and "1250.5" both read; the separator for thousands is a comma, as the amounts are shown.
            if (decimal.TryParse(Amount.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)) amount = value;
            else check.Add("amount", "Give an amount such as 120.50.");
        }
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(PromisedDate) && kind is CommitmentKind.DeliveryPromise)
        {
            if (DateOnly.TryParseExact(PromisedDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) date = day;
            else check.Add("promisedDate", "Give a date such as 2030-03-14.");
        }
        return new RecordCommitmentRequest(kind, amount, date, Description);
    }
}

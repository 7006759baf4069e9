using System.Globalization;
using Rapport.Features.Complaints.Deadlines;

namespace Rapport.Features.Complaints.Pages;

/// <summary>How complaint values read on the pages.</summary>
public static class ComplaintText
{
    public static string Stage(ComplaintStage stage) => Capitalise(ComplaintRules.Label(stage));

    public static string Deadline(ComplaintDeadline deadline) => deadline switch
    {
        ComplaintDeadline.Acknowledgement => "Acknowledge by",
        ComplaintDeadline.FinalResponse => "Final response by",
        _ => deadline.ToString(),
    };

    public static string Decision(ComplaintDecision decision) => decision switch
    {
        ComplaintDecision.Upheld => "Upheld",
        ComplaintDecision.PartlyUpheld => "Partly upheld",
        ComplaintDecision.NotUpheld => "Not upheld",
        _ => decision.ToString(),
    };

    public static string Response(RemedyResponse response) => response switch
    {
        RemedyResponse.Accepted => "Accepted the remedy",
        RemedyResponse.Declined => "Declined the remedy",
        _ => response.ToString(),
    };

    public static string Unit(DeadlineUnit unit, int amount) => unit switch
    {
        DeadlineUnit.BusinessDays => amount == 1 ? "business day" : "business days",
        DeadlineUnit.CalendarDays => amount == 1 ? "calendar day" : "calendar days",
        DeadlineUnit.Weeks => amount == 1 ? "week" : "weeks",
        _ => unit.ToString(),
    };

    public static string Basis(DeadlineBasis basis) => basis == DeadlineBasis.Statutory ? "Statutory" : "Organisational";

    /// <summary>An instant as people read it, in UTC so colleagues in different places see the same thing.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"met", "met late", "overdue by 2 d 3 h" or "1 d 4 h left".</summary>
    public static (string Text, string Css) State(ComplaintDeadlineDto deadline, DateTimeOffset now) => deadline switch
    {
        { MetAt: { } met } when met > deadline.DueAt => ("Met late", "deadline-late"),
        { MetAt: not null } => ("Met", "deadline-met"),
        { Overdue: true } => ($"Overdue by {Span(now - deadline.DueAt)}", "deadline-overdue"),
        _ => ($"{Span(deadline.DueAt - now)} left", "deadline-open"),
    };

    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return "under a minute";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours} h";
        return span.Hours == 0 ? $"{span.Days} d" : $"{span.Days} d {span.Hours} h";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

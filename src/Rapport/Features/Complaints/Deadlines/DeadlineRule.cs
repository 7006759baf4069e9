using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Features.Complaints.Deadlines;

/// <summary>
/// One deadline or right (C26): how long the organisation has (or the customer has) to do something,
/// where the rule comes from, and the hours business days are counted in. The complaint procedure
/// reads its deadlines from here; other rules (a refund window) are kept here so agents find every
/// right in one place.
/// </summary>
public sealed class DeadlineRule
{
    /// <summary>A stable snake_case key the code and the API use, e.g. complaint_final_response.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int Amount { get; set; }
    public DeadlineUnit Unit { get; set; }
    public DeadlineBasis Basis { get; set; }
    /// <summary>Where the rule comes from and what it means, e.g. the regulation and its paragraph.</summary>
    public string? Reference { get; set; }
    /// <summary>The business-hours calendar business days are counted in; none means Monday to Friday in UTC.</summary>
    public long? CalendarId { get; set; }
    public ServiceCalendar? Calendar { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum DeadlineUnit { BusinessDays, CalendarDays, Weeks }

/// <summary>Statutory: set by law or a regulator. Organisational: a promise the organisation makes itself.</summary>
public enum DeadlineBasis { Statutory, Organisational }

/// <summary>The keys the complaint procedure reads.</summary>
public static class DeadlineKeys
{
    public const string ComplaintAcknowledgement = "complaint_acknowledgement";
    public const string ComplaintFinalResponse = "complaint_final_response";
    public const string RefundWindow = "refund_window";
}

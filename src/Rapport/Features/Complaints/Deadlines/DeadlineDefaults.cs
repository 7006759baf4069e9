namespace Rapport.Features.Complaints.Deadlines;

/// <summary>
/// The rules a new installation starts with (seeded by the migration), typical of UK financial services
/// and consumer law. They are examples: the admin page says so, and managers adjust them.
/// </summary>
public static class DeadlineDefaults
{
    // Seed rows need a fixed time: the migration must come out the same on every run.
    private static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DeadlineRule[] Rules() =>
    [
        new()
        {
            Key = DeadlineKeys.ComplaintAcknowledgement,
            Name = "Acknowledge a complaint",
            Amount = 1,
            Unit = DeadlineUnit.BusinessDays,
            Basis = DeadlineBasis.Organisational,
            Reference = "Example to adjust. UK financial services (FCA DISP 1.6.1R) ask for a prompt written acknowledgement; one business day is a common promise.",
            UpdatedAt = Seeded,
        },
        new()
        {
            Key = DeadlineKeys.ComplaintFinalResponse,
            Name = "Send the final response to a complaint",
            Amount = 8,
            Unit = DeadlineUnit.Weeks,
            Basis = DeadlineBasis.Statutory,
            Reference = "Example to adjust. UK financial services (FCA DISP 1.6.2R): a final response within eight weeks of receiving the complaint; after that the customer may refer it to the Financial Ombudsman Service.",
            UpdatedAt = Seeded,
        },
        new()
        {
            Key = DeadlineKeys.RefundWindow,
            Name = "Cancel and get a refund",
            Amount = 14,
            Unit = DeadlineUnit.CalendarDays,
            Basis = DeadlineBasis.Statutory,
            Reference = "Example to adjust. UK Consumer Contracts Regulations 2013: 14 days to cancel a distance or off-premises purchase.",
            UpdatedAt = Seeded,
        },
    ];
}

namespace Rapport.Features.Complaints;

/// <summary>The root causes a new installation starts with (seeded by the migration); managers adjust the list.</summary>
public static class ComplaintDefaults
{
    // Seed rows need a fixed time: the migration must come out the same on every run.
    internal static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ComplaintRootCause[] RootCauses() =>
    [
        Cause("delay", "Delay or missed timescale"),
        Cause("charges_fees", "Charges or fees"),
        Cause("incorrect_information", "Incorrect or unclear information"),
        Cause("administration_error", "Administration or processing error"),
        Cause("product_fault", "Product or service fault"),
        Cause("staff_conduct", "Staff conduct"),
        Cause("terms_conditions", "Terms and conditions"),
        Cause("other", "Other"),
    ];

    private static ComplaintRootCause Cause(string key, string name) =>
        new() { Key = key, Name = name, CreatedAt = Seeded, UpdatedAt = Seeded };
}

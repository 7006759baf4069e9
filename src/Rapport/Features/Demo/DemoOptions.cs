namespace Rapport.Features.Demo;

/// <summary>Section "Rapport:Demo".</summary>
public sealed class DemoOptions
{
    public const string Section = "Rapport:Demo";

    /// <summary>Seed a small demo data set when the server starts on an empty database.</summary>
    public bool SeedOnStart { get; set; } = true;
}

public enum DemoSize { Small }

/// <summary>How much demo data to make; the same seed always makes the same data.</summary>
public sealed record DemoSeedRequest(int Customers, int Tickets, int Seed)
{
    public static readonly DemoSeedRequest Small = new(80, 300, 1042);

    public string? Validate() =>
        Customers < 1 || Customers > 10_000_000 ? "--customers must be between 1 and 10,000,000."
        : Tickets < 0 || Tickets > 50_000_000 ? "--tickets must be between 0 and 50,000,000."
        : null;
}

public sealed record DemoProgress(string Stage, long Done, long Total);

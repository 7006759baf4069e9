using Rapport.Features.Tickets;

namespace Rapport.Features.Customers;

public enum CustomerKind { External, Internal }

public sealed class Customer
{
    public long Id { get; set; }
    public CustomerKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>For an internal customer: the colleague's department.</summary>
    public string? Department { get; set; }
    public long? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public List<CustomerEmail> Emails { get; set; } = [];
    public List<CustomerPhone> Phones { get; set; } = [];
    public Channel? PreferredChannel { get; set; }
    /// <summary>BCP 47 tag, e.g. "en", "cy", "fr-CA".</summary>
    public string? PreferredLanguage { get; set; }
    /// <summary>Communication or accessibility needs: large print, BSL interpreter, plain language.</summary>
    public string? CommunicationNeeds { get; set; }
    public string? NeedsAndExpectations { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class CustomerEmail
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    /// <summary>Stored lower-case so lookups by address use the unique index.</summary>
    public required string Address { get; set; }
    public bool IsPrimary { get; set; }
}

public sealed class CustomerPhone
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public required string Number { get; set; }
    public string? Label { get; set; }
}

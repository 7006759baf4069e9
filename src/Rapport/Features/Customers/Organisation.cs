namespace Rapport.Features.Customers;

public sealed class Organisation
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>When set, members of the organisation see each other's tickets in the portal.</summary>
    public bool SharesTickets { get; set; }
    public string? Notes { get; set; }
    /// <summary>The organisation's service tier (e.g. gold), a key service-level policies and rules can test.</summary>
    public string? Tier { get; set; }
    public List<OrganisationDomain> Domains { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A mail domain of an organisation: a new customer with an address here joins it.</summary>
public sealed class OrganisationDomain
{
    public long Id { get; set; }
    public long OrganisationId { get; set; }
    public required string Domain { get; set; }
}

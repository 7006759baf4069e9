using Rapport.Features.Tickets;

namespace Rapport.Features.Customers;

public sealed record PhoneDto(string Number, string? Label);

/// <summary>A customer record in full. The first email address is the primary one.</summary>
public sealed record CustomerDto(
    long Id,
    CustomerKind Kind,
    string Name,
    string? Department,
    NamedRef? Organisation,
    IReadOnlyList<string> Emails,
    IReadOnlyList<PhoneDto> Phones,
    Channel? PreferredChannel,
    string? PreferredLanguage,
    string? CommunicationNeeds,
    string? NeedsAndExpectations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One row of a customer list: enough to recognise and pick the customer.</summary>
public sealed record CustomerSummaryDto(
    long Id,
    CustomerKind Kind,
    string Name,
    string? Department,
    string? Email,
    NamedRef? Organisation,
    DateTimeOffset UpdatedAt);

public sealed record OrganisationDto(
    long Id,
    string Name,
    bool SharesTickets,
    string? Notes,
    IReadOnlyList<string> Domains,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Projections shared by every read, so a list and a detail come from one query each and look the same.</summary>
public static class CustomerProjections
{
    public static IQueryable<CustomerDto> ToDto(this IQueryable<Customer> customers) => customers.Select(c => new CustomerDto(
        c.Id,
        c.Kind,
        c.Name,
        c.Department,
        c.OrganisationId == null ? null : new NamedRef(c.Organisation!.Id, c.Organisation.Name),
        c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => e.Address).ToList(),
        c.Phones.OrderBy(p => p.Id).Select(p => new PhoneDto(p.Number, p.Label)).ToList(),
        c.PreferredChannel,
        c.PreferredLanguage,
        c.CommunicationNeeds,
        c.NeedsAndExpectations,
        c.CreatedAt,
        c.UpdatedAt));

    public static IQueryable<CustomerSummaryDto> ToSummary(this IQueryable<Customer> customers) => customers.Select(c => new CustomerSummaryDto(
        c.Id,
        c.Kind,
        c.Name,
        c.Department,
        c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
        c.OrganisationId == null ? null : new NamedRef(c.Organisation!.Id, c.Organisation.Name),
        c.UpdatedAt));

    public static IQueryable<OrganisationDto> ToDto(this IQueryable<Organisation> organisations) => organisations.Select(o => new OrganisationDto(
        o.Id,
        o.Name,
        o.SharesTickets,
        o.Notes,
        o.Domains.OrderBy(d => d.Domain).Select(d => d.Domain).ToList(),
        o.CreatedAt,
        o.UpdatedAt));
}

using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers.Pages;

/// <summary>
/// What the customer form posts: lists as text, one item a line, so the form stays a plain
/// HTML form. It turns into the use cases' requests, and their errors back into field errors.
/// </summary>
public sealed class CustomerForm
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Department { get; set; }
    public string? OrganisationId { get; set; }
    /// <summary>One address a line; the first is the primary one.</summary>
    public string? Emails { get; set; }
    /// <summary>One number a line, optionally followed by a comma and a label.</summary>
    public string? Phones { get; set; }
    public string? PreferredChannel { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? CommunicationNeeds { get; set; }
    public string? NeedsAndExpectations { get; set; }

    public static CustomerForm From(CustomerDto customer) => new()
    {
        Kind = EnumNames.ToSnakeCase(customer.Kind),
        Name = customer.Name,
        Department = customer.Department,
        OrganisationId = customer.Organisation?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Emails = string.Join('\n', customer.Emails),
        Phones = string.Join('\n', customer.Phones.Select(p => p.Label is null ? p.Number : $"{p.Number}, {p.Label}")),
        PreferredChannel = customer.PreferredChannel is { } channel ? EnumNames.ToSnakeCase(channel) : null,
        PreferredLanguage = customer.PreferredLanguage,
        CommunicationNeeds = customer.CommunicationNeeds,
        NeedsAndExpectations = customer.NeedsAndExpectations,
    };

    /// <summary>The form as a create request; fields the form itself cannot read are reported in the check.</summary>
    public CreateCustomerRequest ToCreate(Validator check) => new(
        QueryEnums.Parse<CustomerKind>("kind", Kind, check), Name, Department, Organisation(check),
        Lines(Emails), ParsePhones(), QueryEnums.Parse<Channel>("preferredChannel", PreferredChannel, check),
        PreferredLanguage, CommunicationNeeds, NeedsAndExpectations);

    /// <summary>Every field is sent: the use case audits only those whose value changed.</summary>
    public UpdateCustomerRequest ToUpdate(Validator check) => new(
        Optional<CustomerKind?>.Of(QueryEnums.Parse<CustomerKind>("kind", Kind, check) ?? CustomerKind.External),
        Optional<string>.Of(Name),
        Optional<string>.Of(Department),
        Optional<long?>.Of(Organisation(check)),
        Optional<string?[]>.Of(Lines(Emails)),
        Optional<PhoneInput?[]>.Of(ParsePhones()),
        Optional<Channel?>.Of(QueryEnums.Parse<Channel>("preferredChannel", PreferredChannel, check)),
        Optional<string>.Of(PreferredLanguage),
        Optional<string>.Of(CommunicationNeeds),
        Optional<string>.Of(NeedsAndExpectations));

    private long? Organisation(Validator check)
    {
        if (string.IsNullOrWhiteSpace(OrganisationId)) return null;
        if (long.TryParse(OrganisationId, out var id)) return id;
        check.Add("organisationId", "Choose an organisation from the list.");
        return null;
    }

    private static string?[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private PhoneInput?[] ParsePhones() => [.. Lines(Phones).Select(line =>
    {
        var comma = line!.IndexOf(',', StringComparison.Ordinal);
        return (PhoneInput?)(comma < 0 ? new PhoneInput(line, null) : new PhoneInput(line[..comma].Trim(), line[(comma + 1)..].Trim()));
    })];
}

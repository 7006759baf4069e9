using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

public sealed record PhoneInput(string? Number, string? Label);

/// <summary>
/// Checks and normalises what creating and changing a customer share. Errors name the field and,
/// in lists, the position ("emails[1]", "phones[0].number"), so a form can mark the right box.
/// </summary>
internal static partial class CustomerInput
{
    public static string? OptionalText(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The addresses lower-cased, in the order given; the first is the primary one.</summary>
    public static List<string> Emails(string?[] values, Validator check)
    {
        if (values.Length > CustomerLimits.EmailsPerCustomer) check.Add("emails", $"At most {CustomerLimits.EmailsPerCustomer} addresses.");
        var addresses = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var field = $"emails[{i}]";
            var value = values[i];
            if (string.IsNullOrWhiteSpace(value)) check.Add(field, "This field is required.");
            else if (value.Length > CustomerLimits.EmailLength) check.Add(field, $"Must be at most {CustomerLimits.EmailLength} characters.");
            else if (!EmailAddress.IsValid(value)) check.Add(field, "Must be a valid email address.");
            else if (addresses.Contains(EmailAddress.Normalise(value))) check.Add(field, "This address is listed twice.");
            else addresses.Add(EmailAddress.Normalise(value));
        }
        return addresses;
    }

    public static List<CustomerPhone> Phones(PhoneInput?[] values, Validator check)
    {
        if (values.Length > CustomerLimits.PhonesPerCustomer) check.Add("phones", $"At most {CustomerLimits.PhonesPerCustomer} numbers.");
        var phones = new List<CustomerPhone>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } phone)
            {
                check.Add($"phones[{i}]", "Give the phone as {number, label}.");
                continue;
            }
            var field = $"phones[{i}].number";
            if (string.IsNullOrWhiteSpace(phone.Number)) check.Add(field, "This field is required.");
            else if (phone.Number.Length > CustomerLimits.PhoneLength) check.Add(field, $"Must be at most {CustomerLimits.PhoneLength} characters.");
            else if (!IsPhoneNumber(phone.Number.Trim()))
                check.Add(field, "Use digits, spaces, brackets, dots and dashes, optionally a leading + and an extension (x123).");
            check.Text($"phones[{i}].label", phone.Label, CustomerLimits.PhoneLabelLength);
            phones.Add(new CustomerPhone { Number = phone.Number?.Trim() ?? "", Label = OptionalText(phone.Label) });
        }
        return phones;
    }

    public static string? Language(string? value, Validator check)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var tag = LanguageTag.Normalise(value);
        if (tag is null) check.Add("preferredLanguage", "Must be a BCP 47 language tag, such as en, cy or fr-CA.");
        return tag;
    }

    public static void Channel(Channel? channel, Validator check)
    {
        // "api" is how a system talks to Rapport, not a way to reach a person.
        if (channel == Tickets.Channel.Api) check.Add("preferredChannel", "Choose a channel a person can be reached on.");
    }

    public static void Department(CustomerKind kind, string? department, Validator check)
    {
        if (kind == CustomerKind.External && department is not null)
            check.Add("department", "Only internal customers (colleagues) have a department.");
    }

    public static async Task OrganisationExistsAsync(RapportDbContext db, long? organisationId, Validator check, CancellationToken ct)
    {
        if (organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id, ct))
            check.Add("organisationId", "No organisation has this id.");
    }

    /// <summary>The first of the addresses that belongs to a customer other than the owner, if any.</summary>
    public static Task<string?> FirstTakenAsync(RapportDbContext db, List<string> addresses, long owner, CancellationToken ct) =>
        addresses.Count == 0
            ? Task.FromResult<string?>(null)
            : db.CustomerEmails.Where(e => addresses.Contains(e.Address) && e.CustomerId != owner)
                .OrderBy(e => e.Address).Select(e => e.Address).FirstOrDefaultAsync(ct);

    public static string Describe(CustomerPhone phone) => phone.Label is null ? phone.Number : $"{phone.Number} ({phone.Label})";

    private static bool IsPhoneNumber(string number) => PhoneShape().IsMatch(number) && number.Count(char.IsAsciiDigit) >= 3;

    [GeneratedRegex(@"^\+?[0-9(][0-9 ()./-]*(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhoneShape();
}

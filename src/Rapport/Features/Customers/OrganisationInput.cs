using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>Checks what creating and changing an organisation share.</summary>
internal static class OrganisationInput
{
    /// <summary>
    /// Team leads, managers and admins: an organisation's domains pull new customers into it and
    /// sharing exposes members' tickets to each other, which is more than a front-line call.
    /// </summary>
    public static bool MayChange(Actor actor) => actor.Role is Role.TeamLead or Role.Manager or Role.Admin;

    public static readonly ForbiddenError Refused = new("Only team leads, managers and admins can change organisations.");

    /// <summary>The domains lower-cased and sorted; errors name the position ("domains[2]").</summary>
    public static List<string> Domains(string?[] values, Validator check)
    {
        if (values.Length > CustomerLimits.DomainsPerOrganisation) check.Add("domains", $"At most {CustomerLimits.DomainsPerOrganisation} domains.");
        var domains = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var field = $"domains[{i}]";
            var domain = values[i] is { } value ? DomainName.Normalise(value) : "";
            if (domain.Length == 0) check.Add(field, "This field is required.");
            else if (domain.Length > CustomerLimits.DomainLength) check.Add(field, $"Must be at most {CustomerLimits.DomainLength} characters.");
            else if (!DomainName.IsValid(domain))
                check.Add(field, "Must be a mail domain such as example.org: letters, digits and hyphens (internationalised names in their xn-- form).");
            else if (domains.Contains(domain)) check.Add(field, "This domain is listed twice.");
            else domains.Add(domain);
        }
        domains.Sort(StringComparer.Ordinal);
        return domains;
    }

    /// <summary>The first of the domains that belongs to an organisation other than the owner, if any.</summary>
    public static Task<string?> FirstTakenAsync(RapportDbContext db, List<string> domains, long owner, CancellationToken ct) =>
        domains.Count == 0
            ? Task.FromResult<string?>(null)
            : db.OrganisationDomains.Where(d => domains.Contains(d.Domain) && d.OrganisationId != owner)
                .OrderBy(d => d.Domain).Select(d => d.Domain).FirstOrDefaultAsync(ct);
}

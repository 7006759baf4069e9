using Microsoft.AspNetCore.Identity;
using Rapport.Features.Routing;

namespace Rapport.Features.People;

/// <summary>Anyone who signs in: staff in one of the staff roles, or a customer using the portal.</summary>
public sealed class User : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public Role Role { get; set; }
    /// <summary>Set for portal users: the customer record they act as.</summary>
    public long? CustomerId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Whether a staff member takes new work now (Features/Routing); set by them or their lead.</summary>
    public Availability Availability { get; set; }
    public List<TeamMember> Teams { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

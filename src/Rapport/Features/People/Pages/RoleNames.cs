namespace Rapport.Features.People.Pages;

/// <summary>Roles as people say them, and the ones an admin can hand out to staff.</summary>
public static class RoleNames
{
    public static readonly Role[] Staff = [Role.Agent, Role.TeamLead, Role.Manager, Role.Admin];

    public static string Label(Role role) => role switch
    {
        Role.Agent => "Agent",
        Role.TeamLead => "Team lead",
        Role.Manager => "Manager",
        Role.Admin => "Admin",
        Role.Customer => "Customer",
        _ => role.ToString(),
    };

    public static string Value(Role role) => Infrastructure.Json.EnumNames.ToSnakeCase(role);
}

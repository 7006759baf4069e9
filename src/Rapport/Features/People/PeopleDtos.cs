using System.Linq.Expressions;
using Rapport.Features.Routing;

namespace Rapport.Features.People;

public sealed record TeamRef(long Id, string Name);

/// <summary>A user as the API shows them: never the password hash, security stamp or tokens.</summary>
public sealed record UserDto(
    Guid Id,
    string Email,
    string Name,
    Role Role,
    bool IsActive,
    long? CustomerId,
    IReadOnlyList<TeamRef> Teams,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record TeamSummaryDto(
    long Id, string Name, string? Aim, bool IsRestricted, int MemberCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    AssignmentMethod AssignmentMethod);

public sealed record TeamMemberDto(Guid Id, string Name, Role Role, bool IsActive);

public sealed record TeamDto(
    long Id, string Name, string? Aim, bool IsRestricted, IReadOnlyList<TeamMemberDto> Members, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    AssignmentMethod AssignmentMethod);

public static class PeopleLimits
{
    public const int EmailLength = 254;
    public const int NameLength = 200;
    public const int PasswordLength = 200;
    public const int TeamNameLength = 100;
    public const int TeamAimLength = 1000;
    public const int TeamsPerUser = 50;
}

/// <summary>Projections run in the database, so a page of users or teams is one query whatever its size.</summary>
public static class PeopleProjections
{
    public static readonly Expression<Func<User, UserDto>> User = u => new UserDto(
        u.Id,
        u.Email ?? "",
        u.DisplayName,
        u.Role,
        u.IsActive,
        u.CustomerId,
        u.Teams.OrderBy(m => m.Team.Name).Select(m => new TeamRef(m.TeamId, m.Team.Name)).ToList(),
        u.CreatedAt,
        u.UpdatedAt);

    public static readonly Expression<Func<Team, TeamSummaryDto>> TeamSummary = t =>
        new TeamSummaryDto(t.Id, t.Name, t.Aim, t.IsRestricted, t.Members.Count, t.CreatedAt, t.UpdatedAt, t.AssignmentMethod);

    public static readonly Expression<Func<Team, TeamDto>> Team = t => new TeamDto(
        t.Id,
        t.Name,
        t.Aim,
        t.IsRestricted,
        t.Members.OrderBy(m => m.User.DisplayName).ThenBy(m => m.UserId)
            .Select(m => new TeamMemberDto(m.UserId, m.User.DisplayName, m.User.Role, m.User.IsActive)).ToList(),
        t.CreatedAt,
        t.UpdatedAt,
        t.AssignmentMethod);
}

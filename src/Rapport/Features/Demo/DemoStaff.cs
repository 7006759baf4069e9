using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;

namespace Rapport.Features.Demo;

/// <summary>A demo staff member as the ticket generator needs them.</summary>
internal sealed record DemoStaffMember(Guid Id, string FirstName, Role Role);

/// <summary>The teams and who is in each, once they are in the database.</summary>
internal sealed class DemoWorkforce(IReadOnlyDictionary<DemoTeam, long> teamIds, IReadOnlyDictionary<DemoTeam, DemoStaffMember[]> members)
{
    public long TeamId(DemoTeam team) => teamIds[team];
    public DemoStaffMember[] Members(DemoTeam team) => members[team];
    public DemoStaffMember? Lead(DemoTeam team) => members[team].FirstOrDefault(m => m.Role == Role.TeamLead);
    public string TeamName(DemoTeam team) => DemoStaff.Teams.Single(t => t.Team == team).Name;
}

/// <summary>
/// Teams with their aims; the demo sign-ins, which go through <see cref="CreateUser"/> so their
/// passwords are hashed and audited like any user's; and a dozen more colleagues who cannot
/// sign in (no password), spread over the teams. Anything already there is kept.
/// </summary>
internal sealed class DemoStaff(RapportDbContext db, CreateUser createUser, UserManager<User> users, TimeProvider clock, ILogger logger)
{
    public static readonly (DemoTeam Team, string Name, string Aim, bool Restricted)[] Teams =
    [
        (DemoTeam.FrontLine, "Front line", "Answer every first contact promptly and resolve most queries then and there.", false),
        (DemoTeam.Billing, "Billing", "Put bills, payments and refunds right, and explain charges in plain language.", false),
        (DemoTeam.Technical, "Technical support", "Diagnose faults and outages, and keep customers informed until service is restored.", false),
        (DemoTeam.Complaints, "Complaints", "Acknowledge every complaint within two working days, investigate fairly and put things right.", true),
        (DemoTeam.Colleagues, "Internal services", "Help colleagues in other departments with IT, facilities and access requests.", false),
    ];

    /// <summary>The four staff sign-ins; the customer sign-in is made with the demo customer.</summary>
    private static readonly (string Email, string Name, Role Role, DemoTeam[] Teams)[] SignIns =
    [
        ("admin@example.com", "Ada Admin", Role.Admin, []),
        ("manager@example.com", "Morgan Manager", Role.Manager, []),
        ("lead@example.com", "Lee Lead", Role.TeamLead, [DemoTeam.FrontLine, DemoTeam.Complaints]),
        ("agent@example.com", "Alex Agent", Role.Agent, [DemoTeam.FrontLine, DemoTeam.Billing]),
    ];

    /// <summary>The further colleagues: a lead for each other team, then agents.</summary>
    private static readonly (Role Role, DemoTeam Team)[] Colleagues =
    [
        (Role.TeamLead, DemoTeam.Billing), (Role.TeamLead, DemoTeam.Technical), (Role.TeamLead, DemoTeam.Complaints),
        (Role.TeamLead, DemoTeam.Colleagues), (Role.Agent, DemoTeam.FrontLine), (Role.Agent, DemoTeam.FrontLine),
        (Role.Agent, DemoTeam.FrontLine), (Role.Agent, DemoTeam.Billing), (Role.Agent, DemoTeam.Billing),
        (Role.Agent, DemoTeam.Technical), (Role.Agent, DemoTeam.Technical), (Role.Agent, DemoTeam.Technical),
        (Role.Agent, DemoTeam.Complaints), (Role.Agent, DemoTeam.Colleagues), (Role.Agent, DemoTeam.Colleagues),
    ];

    public async Task<DemoWorkforce> SeedAsync(Randomizer random, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var teamIds = await SeedTeamsAsync(now, ct);
        var members = Teams.ToDictionary(t => t.Team, _ => new List<DemoStaffMember>());

        foreach (var (email, name, role, teams) in SignIns)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                var created = await createUser.ExecuteAsync(new CreateUserRequest(email, name, role, DemoSeeder.DemoPassword, null), Actor.System, ct);
                if (!created.Succeeded)
                {
                    logger.LogWarning("Demo user {Email} not created: {Detail}", email, created.Error!.Detail);
                    continue;
                }
                user = created.Value!;
            }
            foreach (var team in teams) members[team].Add(new DemoStaffMember(user.Id, FirstName(user.DisplayName), user.Role));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, team) in Colleagues)
        {
            var (first, last) = (random.ArrayElement(DemoNames.FirstNames), random.ArrayElement(DemoNames.LastNames));
            var local = DemoText.Slug(first) + "." + DemoText.Slug(last);
            while (!taken.Add(local)) local += random.Number(1, 9).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = DemoRandom.GuidFrom(random);
            var email = local + "@example.com";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User
                {
                    Id = id, UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{first} {last}", Role = role,
                    CreatedAt = now.AddDays(-random.Number(120, 1500)), UpdatedAt = now.AddDays(-random.Number(1, 100)),
                };
                // No password: these colleagues make the data real but are not demo sign-ins.
                var result = await users.CreateAsync(user);
                if (!result.Succeeded) throw new InvalidOperationException($"Demo colleague {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
            members[team].Add(new DemoStaffMember(user.Id, first, user.Role));
        }

        await SeedMembershipsAsync(teamIds, members, ct);
        return new DemoWorkforce(teamIds, members.ToDictionary(m => m.Key, m => m.Value.ToArray()));
    }

    private async Task<Dictionary<DemoTeam, long>> SeedTeamsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var names = Teams.Select(t => t.Name).ToList();
        var existing = await db.Teams.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, ct);
        foreach (var (_, name, aim, restricted) in Teams.Where(t => !existing.ContainsKey(t.Name)))
        {
            var team = new Team { Name = name, Aim = aim, IsRestricted = restricted, CreatedAt = now.AddDays(-400), UpdatedAt = now.AddDays(-30) };
            db.Teams.Add(team);
            existing[name] = team;
        }
        await db.SaveChangesAsync(ct);
        return Teams.ToDictionary(t => t.Team, t => existing[t.Name].Id);
    }

    private async Task SeedMembershipsAsync(Dictionary<DemoTeam, long> teamIds, Dictionary<DemoTeam, List<DemoStaffMember>> members, CancellationToken ct)
    {
        var ids = teamIds.Values.ToList();
        var existing = (await db.TeamMembers.Where(m => ids.Contains(m.TeamId)).Select(m => new { m.TeamId, m.UserId }).ToListAsync(ct))
            .Select(m => (m.TeamId, m.UserId)).ToHashSet();
        foreach (var (team, list) in members)
            foreach (var member in list)
                if (existing.Add((teamIds[team], member.Id)))
                    db.TeamMembers.Add(new TeamMember { TeamId = teamIds[team], UserId = member.Id });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string FirstName(string displayName) => displayName.Split(' ')[0];
}

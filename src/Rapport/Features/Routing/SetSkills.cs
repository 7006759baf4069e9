using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>
/// Replaces a staff member's skills with the given set. Values are stored normalised, so they
/// match what tickets carry: a language as a BCP 47 tag ("fr-CA"), a service by its id, a tag as
/// tickets spell it ("billing"). Team leads set them for their teams' members, managers and admins for anyone.
/// </summary>
public sealed class SetSkills(RapportDbContext db, RoutingAccess access, ReadSkills read, AuditLog audit)
{
    public async Task<Result<List<SkillDto>>> ExecuteAsync(Guid userId, SetSkillsRequest request, Actor actor, CancellationToken ct)
    {
        if (!await access.SupervisesAsync(actor, userId, ct)) return RoutingAccess.NotYourTeam;
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.Role != Role.Customer, ct)) return new UserNotFound(userId);
        var check = new Validator();
        var wanted = await ValidateAsync(request.Skills, check, ct);
        if (!check.IsValid) return check.ToError();

        var existing = await db.AgentSkills.Where(s => s.UserId == userId).ToListAsync(ct);
        var before = existing.Select(s => new SkillDto(s.Kind, s.Value)).ToHashSet();
        db.AgentSkills.RemoveRange(existing.Where(s => !wanted.Contains(new SkillDto(s.Kind, s.Value))));
        db.AgentSkills.AddRange(wanted.Where(s => !before.Contains(s)).Select(s => new AgentSkill { UserId = userId, Kind = s.Kind, Value = s.Value }));
        if (!before.SetEquals(wanted))
        {
            audit.Record(actor, "user", userId.ToString(), "skills_changed", new AuditChanges().Set("skills", Names(before), Names(wanted)));
            await db.SaveChangesAsync(ct);
        }
        return await read.ForAsync(userId, ct);
    }

    private static List<string> Names(IEnumerable<SkillDto> skills) => [.. skills.Select(s => new Skill(s.Kind, s.Value).ToString())];

    private async Task<HashSet<SkillDto>> ValidateAsync(SkillInput[]? skills, Validator check, CancellationToken ct)
    {
        var wanted = new HashSet<SkillDto>();
        if (skills is null)
        {
            check.Add("skills", "This field is required; send [] to clear every skill.");
            return wanted;
        }
        if (skills.Length > RoutingLimits.SkillsPerUser) check.Add("skills", $"At most {RoutingLimits.SkillsPerUser} skills.");
        var services = new List<(int Index, long Id)>();
        for (var i = 0; i < skills.Length; i++)
        {
            var field = $"skills[{i}]";
            if (skills[i]?.Kind is not { } kind)
            {
                check.Add($"{field}.kind", "This field is required.");
                continue;
            }
            var value = Normalise(kind, skills[i].Value);
            if (value is null) check.Add($"{field}.value", Expected(kind));
            else
            {
                wanted.Add(new SkillDto(kind, value));
                if (kind == SkillKind.Service) services.Add((i, long.Parse(value, CultureInfo.InvariantCulture)));
            }
        }
        var ids = services.Select(s => s.Id).Distinct().ToList();
        var known = ids.Count == 0 ? [] : await db.Services.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        foreach (var (index, _) in services.Where(s => !known.Contains(s.Id))) check.Add($"skills[{index}].value", "No service has this id.");
        return wanted;
    }

    /// <summary>The value as it is stored and matched, or null when it is not one of its kind.</summary>
    public static string? Normalise(SkillKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > RoutingLimits.SkillValueLength) return null;
        return kind switch
        {
            SkillKind.Language => LanguageTag.Normalise(value),
            SkillKind.Service => long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id.ToString(CultureInfo.InvariantCulture) : null,
            SkillKind.Tag => TicketTags.Validate("tag", [value], new Validator()) is [var tag] ? tag : null,
            _ => null,
        };
    }

    private static string Expected(SkillKind kind) => kind switch
    {
        SkillKind.Language => "A language tag such as en, fr or pt-BR.",
        SkillKind.Service => "The id of a service.",
        _ => $"A tag: 1 to {TicketLimits.TagLength} letters, digits, '_', '-', ':' or '.'.",
    };
}

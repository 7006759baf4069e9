using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

/// <summary>One limit as the API shows it: an amount for money kinds, days ahead for a delivery promise, or no limit.</summary>
public sealed record AuthorityLimitDto(CommitmentKind Kind, decimal? Amount, int? Days, bool Unlimited, string Text);

/// <summary>A role's limits; a kind not listed is one the role may not commit to without approval.</summary>
public sealed record RoleAuthorityDto(Role Role, IReadOnlyList<AuthorityLimitDto> Limits);

public sealed record AuthorityLimitsDto(string Currency, IReadOnlyList<RoleAuthorityDto> Roles);

/// <summary><c>{"kind": "refund", "amount": 50.00}</c>, <c>{"kind": "delivery_promise", "days": 7}</c> or <c>{"kind": "refund", "unlimited": true}</c>.</summary>
public sealed record AuthorityLimitInput(CommitmentKind? Kind, decimal? Amount, int? Days, bool? Unlimited);

/// <summary>Replaces all of a role's limits: a kind left out is one the role needs approval for.</summary>
public sealed record SetAuthorityLimitsRequest(AuthorityLimitInput?[]? Limits);

/// <summary>
/// Reads and sets the authority limits. Managers and admins set them, but nobody sets their own authority: the
/// manager and admin rows are for admins only. Every change is audited as <c>authority_limits</c> under the role.
/// </summary>
public sealed class AuthorityLimits(RapportDbContext db, AuditLog audit, TimeProvider clock, IOptions<AuthorityOptions> options)
{
    public string Currency => options.Value.Currency;

    public async Task<AuthorityBook> BookAsync(CancellationToken ct) =>
        new(await db.AuthorityLimits.AsNoTracking().Select(l => new LimitRow(l.Role, l.Kind, l.Limit)).ToListAsync(ct));

    public async Task<AuthorityLimitsDto> ReadAsync(CancellationToken ct)
    {
        var book = await BookAsync(ct);
        return new AuthorityLimitsDto(Currency, [.. AuthorityBook.StaffRoles.Select(role => new RoleAuthorityDto(role,
            [.. Enum.GetValues<CommitmentKind>().Where(k => book.TryGetLimit(role, k, out _)).Select(k => ToDto(book, role, k))]))]);
    }

    /// <summary>Whether the actor may change the role's limits: admins any, managers those below their own role.</summary>
    public static bool MayChange(Actor actor, Role role) => actor.Role == Role.Admin || (actor.Role == Role.Manager && role is Role.Agent or Role.TeamLead);

    public async Task<Result<AuthorityLimitsDto>> SetAsync(string roleName, SetAuthorityLimitsRequest request, Actor actor, CancellationToken ct)
    {
        if (!SnakeCaseEnumConverter<Role>.TryParse(roleName, out var role) || !role.IsStaff())
            return new NotFoundError($"No staff role is called '{roleName}'. Use one of: agent, team_lead, manager, admin.");
        if (!MayChange(actor, role)) return new ForbiddenError("Only an admin changes the limits of managers and admins: nobody sets their own authority.");
        var check = new Validator();
        if (request.Limits is null) check.Add("limits", "Give the role's limits; an empty list leaves it no authority of its own.");
        var wanted = Check(request.Limits ?? [], check);
        if (!check.IsValid) return check.ToError();

        var stored = await db.AuthorityLimits.Where(l => l.Role == role).ToListAsync(ct);
        var changes = new AuditChanges();
        var now = clock.GetUtcNow();
        foreach (var kind in Enum.GetValues<CommitmentKind>())
        {
            var row = stored.Find(l => l.Kind == kind);
            var has = wanted.TryGetValue(kind, out var limit);
            changes.Set(EnumNames.ToSnakeCase(kind), row is null ? null : Text(kind, row.Limit), has ? Text(kind, limit) : null);
            if (!has && row is not null) db.AuthorityLimits.Remove(row);
            else if (has && row is null) db.AuthorityLimits.Add(new AuthorityLimit { Role = role, Kind = kind, Limit = limit, UpdatedAt = now });
            else if (has && row!.Limit != limit) (row.Limit, row.UpdatedAt) = (limit, now);
        }
        if (!changes.IsEmpty)
        {
            audit.Record(actor, "authority_limits", EnumNames.ToSnakeCase(role), "updated", changes);
            await db.SaveChangesAsync(ct);
        }
        return await ReadAsync(ct);
    }

    /// <summary>"up to 250.00 EUR", "up to 14 days ahead", "no limit".</summary>
    public string Text(CommitmentKind kind, long? limit) => limit is not { } value ? "no limit"
        : kind.IsMoney() ? "up to " + Money.Format(value, Currency)
        : $"up to {value} days ahead";

    private AuthorityLimitDto ToDto(AuthorityBook book, Role role, CommitmentKind kind)
    {
        book.TryGetLimit(role, kind, out var limit);
        return new AuthorityLimitDto(kind, limit is { } money && kind.IsMoney() ? Money.FromHundredths(money) : null,
            limit is { } days && !kind.IsMoney() ? (int)days : null, limit is null, Text(kind, limit));
    }

    private static Dictionary<CommitmentKind, long?> Check(IReadOnlyList<AuthorityLimitInput?> inputs, Validator check)
    {
        var limits = new Dictionary<CommitmentKind, long?>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = $"limits[{i}]";
            if (inputs[i] is not { } input)
            {
                check.Add(path, "Give a limit as {\"kind\": \"refund\", \"amount\": 50.00}.");
                continue;
            }
            if (input.Kind is not { } kind)
            {
                check.Add($"{path}.kind", $"This field is required: one of {SnakeCaseEnumConverter<CommitmentKind>.Allowed}.");
                continue;
            }
            if (limits.ContainsKey(kind)) check.Add($"{path}.kind", $"{EnumNames.ToSnakeCase(kind)} is given twice.");
            var unit = kind.IsMoney() ? "amount" : "days";
            if ((kind.IsMoney() ? input.Days : input.Amount) is not null)
                check.Add($"{path}.{(kind.IsMoney() ? "days" : "amount")}", $"A {EnumNames.ToSnakeCase(kind)} limit is given in {unit}.");
            if (input.Unlimited == true)
            {
                if (input.Amount is not null || input.Days is not null) check.Add($"{path}.unlimited", $"Give either unlimited or {unit}, not both.");
                limits[kind] = null;
            }
            else if (kind.IsMoney()) limits[kind] = Money.Check($"{path}.amount", input.Amount, check, allowZero: true);
            else if (input.Days is not (>= 0 and <= CommitmentLimits.MaxDaysAhead))
                check.Add($"{path}.days", $"Must be from 0 to {CommitmentLimits.MaxDaysAhead} days.");
            else limits[kind] = input.Days;
        }
        return limits;
    }
}

using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;

namespace Rapport.Features.Complaints.Deadlines;

public sealed record DeadlineRuleDto(
    string Key,
    string Name,
    int Amount,
    DeadlineUnit Unit,
    DeadlineBasis Basis,
    string? Reference,
    NamedRef? Calendar,
    DateTimeOffset UpdatedAt);

public sealed record CreateDeadlineRuleRequest(
    string? Key, string? Name, int? Amount, DeadlineUnit? Unit, DeadlineBasis? Basis, string? Reference, long? CalendarId);

/// <summary>A partial update: only the fields present change; a null reference or calendar clears it.</summary>
public sealed record UpdateDeadlineRuleRequest(
    Optional<string> Name,
    Optional<int?> Amount,
    Optional<DeadlineUnit?> Unit,
    Optional<DeadlineBasis?> Basis,
    Optional<string> Reference,
    Optional<long?> CalendarId);

public static class DeadlineProjections
{
    public static IQueryable<DeadlineRuleDto> ToDto(this IQueryable<DeadlineRule> rules) => rules.Select(r => new DeadlineRuleDto(
        r.Key, r.Name, r.Amount, r.Unit, r.Basis, r.Reference,
        r.CalendarId == null ? null : new NamedRef(r.Calendar!.Id, r.Calendar.Name),
        r.UpdatedAt));
}

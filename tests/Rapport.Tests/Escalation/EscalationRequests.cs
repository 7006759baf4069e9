using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Escalation;
using Rapport.Features.Escalation.Authority;
using Rapport.Features.Escalation.Levels;
using Rapport.Features.Escalation.Referrals;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Escalation;

/// <summary>The calls the referral, escalation and approval tests make, named for what they mean.</summary>
internal static class EscalationRequests
{
    public static Task<HttpResponseMessage> ReferAsync(this HttpClient staff, long number, long? teamId, string? reason = "Needs the billing team") =>
        staff.PostAsJsonAsync($"/api/v1/tickets/{number}/refer", new { teamId, reason });

    public static Task<HttpResponseMessage> EscalateAsync(this HttpClient staff, long number, string? reason = "Customer threatens to leave", int? toLevel = null) =>
        staff.PostAsJsonAsync($"/api/v1/tickets/{number}/escalate", new { reason, toLevel });

    public static async Task<ReferralRuleDto> CreateRuleAsync(this HttpClient manager, object body) =>
        await (await manager.PostAsJsonAsync("/api/v1/referral-rules", body)).ReadAsync<ReferralRuleDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> CommitAsync(this HttpClient staff, long number, object body) =>
        staff.PostAsJsonAsync($"/api/v1/tickets/{number}/commitments", body);

    public static async Task<CommitmentDto> RefundAsync(this HttpClient staff, long number, decimal amount, string description = "Refund of the double charge") =>
        await (await staff.CommitAsync(number, new { kind = "refund", amount, description })).ReadAsync<CommitmentDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient staff, long id, string verb, string? reason) =>
        staff.PostAsJsonAsync($"/api/v1/approvals/{id}/{verb}", new { reason });

    /// <summary>A team written straight to the database, with these members.</summary>
    public static Task<long> TeamAsync(this RapportApp app, params Guid[] members) => app.WithDbAsync(async db =>
    {
        var team = new Team { Name = "Team " + Guid.NewGuid().ToString("N")[..8], Members = [.. members.Select(m => new TeamMember { UserId = m })] };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    /// <summary>Replaces the whole ladder with these levels (1, 2, … in order).</summary>
    public static Task<int> LadderAsync(this RapportApp app, params (string Name, long? TeamId, Role? Notify)[] levels) => app.WithDbAsync(async db =>
    {
        await db.EscalationLevels.ExecuteDeleteAsync();
        db.EscalationLevels.AddRange(levels.Select((l, i) => new EscalationLevel { Level = i + 1, Name = l.Name, TeamId = l.TeamId, NotifyRole = l.Notify }));
        return await db.SaveChangesAsync();
    });

    public static Task<List<Notification>> NotificationsAsync(this RapportApp app, Guid userId, long number) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.TicketNumber == number).OrderBy(n => n.Id).ToListAsync());

    public static Task<List<string>> ActionsAsync(this RapportApp app, long number) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.TicketNumber == number).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public static Task<EscalationDto> EscalatedAsync(this HttpResponseMessage response) => response.ReadAsync<EscalationDto>();
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Notifications;

public sealed record NoticePreferencesDto(bool EmailWhenAssigned, bool EmailWhenCustomerReplies, bool EmailWhenMentioned);

/// <summary>All three are required: a form or a client that leaves one out has not said what it wants.</summary>
public sealed record NoticePreferencesRequest(bool? EmailWhenAssigned, bool? EmailWhenCustomerReplies, bool? EmailWhenMentioned);

/// <summary>A member of staff's own choice of emailed notices, and the question the mailer asks before sending one.</summary>
public sealed class MyNoticePreferences(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<NoticePreferencesDto> ReadAsync(Actor actor, CancellationToken ct) =>
        ToDto(await FindAsync(actor.UserId!.Value, ct) ?? new NoticePreferences());

    public async Task<Result<NoticePreferencesDto>> SaveAsync(Actor actor, NoticePreferencesRequest request, CancellationToken ct)
    {
        var check = new Validator();
        if (request.EmailWhenAssigned is null) check.Add("emailWhenAssigned", "Say true or false.");
        if (request.EmailWhenCustomerReplies is null) check.Add("emailWhenCustomerReplies", "Say true or false.");
        if (request.EmailWhenMentioned is null) check.Add("emailWhenMentioned", "Say true or false.");
        if (!check.IsValid) return check.ToError();

        var userId = actor.UserId!.Value;
        var preferences = await db.NoticePreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (preferences is null) db.NoticePreferences.Add(preferences = new NoticePreferences { UserId = userId });
        var changes = new AuditChanges()
            .Set("email_when_assigned", preferences.EmailWhenAssigned, request.EmailWhenAssigned!.Value)
            .Set("email_when_customer_replies", preferences.EmailWhenCustomerReplies, request.EmailWhenCustomerReplies!.Value)
            .Set("email_when_mentioned", preferences.EmailWhenMentioned, request.EmailWhenMentioned!.Value);
        preferences.EmailWhenAssigned = request.EmailWhenAssigned.Value;
        preferences.EmailWhenCustomerReplies = request.EmailWhenCustomerReplies.Value;
        preferences.EmailWhenMentioned = request.EmailWhenMentioned.Value;
        preferences.UpdatedAt = clock.GetUtcNow();
        if (!changes.IsEmpty) audit.Record(actor, "user", userId.ToString(), "notice_preferences_changed", changes);
        await db.SaveChangesAsync(ct);
        return ToDto(preferences);
    }

    /// <summary>Whether this person wants this notice by email (yes, until they say otherwise).</summary>
    public async Task<bool> WantsEmailAsync(Guid userId, Notice notice, CancellationToken ct) =>
        (await FindAsync(userId, ct))?.WantsEmail(notice) ?? true;

    private Task<NoticePreferences?> FindAsync(Guid userId, CancellationToken ct) =>
        db.NoticePreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);

    private static NoticePreferencesDto ToDto(NoticePreferences p) => new(p.EmailWhenAssigned, p.EmailWhenCustomerReplies, p.EmailWhenMentioned);
}

using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>A mailbox as admins see it. The password never leaves the server: hasPassword says whether one is set.</summary>
public sealed record MailboxDto(
    long Id,
    string Name,
    string Address,
    string? DisplayName,
    string SmtpHost,
    int SmtpPort,
    MailSecurity Security,
    string? UserName,
    bool HasPassword,
    TeamRef? Team,
    bool IsDefault,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The mailbox must be loaded with its team.</summary>
    internal static MailboxDto From(Mailbox m) => new(m.Id, m.Name, m.Address, m.DisplayName, m.SmtpHost, m.SmtpPort, m.Security,
        m.UserName, m.ProtectedPassword is not null, m.Team is { } team ? new TeamRef(team.Id, team.Name) : null,
        m.IsDefault, m.IsActive, m.CreatedAt, m.UpdatedAt);
}

public sealed record MailboxNotFound(long Id) : Error(404, "Not found", $"Mailbox {Id} does not exist.");

public sealed record MailboxHasWaitingMail(long Id, int Waiting)
    : ConflictError($"Mailbox {Id} still has {Waiting} message(s) waiting in the outbox; delete it once they are sent or failed.");

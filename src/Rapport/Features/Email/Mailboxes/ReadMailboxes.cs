using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>The mailboxes by name; the default first would surprise in a list sorted by name, so it carries a badge instead.</summary>
public sealed class ReadMailboxes(RapportDbContext db)
{
    public async Task<List<MailboxDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Mailboxes.AsNoTracking().Include(m => m.Team)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(MailboxLimits.MaxMailboxes).ToListAsync(ct);
        return [.. rows.Select(MailboxDto.From)];
    }

    public async Task<Result<MailboxDto>> GetAsync(long id, CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.AsNoTracking().Include(m => m.Team).SingleOrDefaultAsync(m => m.Id == id, ct);
        return mailbox is null ? new MailboxNotFound(id) : MailboxDto.From(mailbox);
    }
}

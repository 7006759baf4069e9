using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

/// <summary>One user: staff may read anyone in the directory; everyone may read themselves.</summary>
public sealed class ReadUser(RapportDbContext db)
{
    public async Task<Result<UserDto>> ExecuteAsync(Guid id, Actor actor, CancellationToken ct)
    {
        // A customer asking for someone else learns nothing, not even that the id exists.
        if (!actor.IsStaff && actor.UserId != id) return new UserNotFound(id);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(PeopleProjections.User).SingleOrDefaultAsync(ct);
        return user is null ? new UserNotFound(id) : user;
    }
}

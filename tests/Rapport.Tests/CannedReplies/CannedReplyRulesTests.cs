using Rapport.Features.Access;
using Rapport.Features.CannedReplies;
using Rapport.Features.People;

namespace Rapport.Tests.CannedReplies;

/// <summary>Who may use and change a canned reply, for every role, scope, ownership and team membership.</summary>
public class CannedReplyRulesTests
{
    private static readonly Guid Owner = Guid.NewGuid();

    public static TheoryData<Role, CannedReplyScope, bool, bool, bool, bool> Cases()
    {
        // role, scope, is the owner, is a member of the team → may use, may change
        var data = new TheoryData<Role, CannedReplyScope, bool, bool, bool, bool>();
        foreach (var role in Enum.GetValues<Role>())
        foreach (var scope in Enum.GetValues<CannedReplyScope>())
        foreach (var owner in new[] { false, true })
        foreach (var member in new[] { false, true })
        {
            var staff = role != Role.Customer;
            var all = role is Role.Manager or Role.Admin;
            var (use, change) = scope switch
            {
                CannedReplyScope.Personal => (staff && owner, staff && owner),
                CannedReplyScope.Team => (staff && (all || member), all || role == Role.TeamLead && member),
                _ => (staff, role is Role.TeamLead or Role.Manager or Role.Admin),
            };
            data.Add(role, scope, owner, member, use, change);
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void MayUseAndMayChange_FollowTheScopeTable(Role role, CannedReplyScope scope, bool isOwner, bool isMember, bool mayUse, bool mayChange)
    {
        var actor = new Actor(isOwner ? Owner : Guid.NewGuid(), "Someone", role, null);
        var owner = scope == CannedReplyScope.Personal ? Owner : (Guid?)null;

        Assert.Equal(mayUse, CannedReplyRules.MayUse(actor, scope, owner, isMember));
        Assert.Equal(mayChange, CannedReplyRules.MayChange(actor, scope, owner, isMember));
    }

    [Fact]
    public void System_WithoutAUser_OwnsNoPersonalReply() =>
        Assert.False(CannedReplyRules.MayChange(Actor.System, CannedReplyScope.Personal, null, false));
}

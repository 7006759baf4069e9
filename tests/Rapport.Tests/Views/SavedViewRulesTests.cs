using Rapport.Features.Access;
using Rapport.Features.Conditions;
using Rapport.Features.People;
using Rapport.Features.Tickets.Views;
using Rapport.Features.Tickets.Views.Saved;
using Rapport.Features.Tickets.Views.Saved.Pages;

namespace Rapport.Tests.Views;

/// <summary>The rules without a database: who may manage which view, what makes a count personal, how the form orders columns.</summary>
public class SavedViewRulesTests
{
    private static readonly Guid Me = Guid.NewGuid();

    private static Actor As(Role role) => new(Me, "Me", role, null);

    [Theory]
    [InlineData(Role.Agent, ViewScope.Personal, false, true)]
    [InlineData(Role.Agent, ViewScope.Team, true, false)]
    [InlineData(Role.Agent, ViewScope.Shared, true, false)]
    [InlineData(Role.TeamLead, ViewScope.Team, true, true)]
    [InlineData(Role.TeamLead, ViewScope.Team, false, false)]
    [InlineData(Role.TeamLead, ViewScope.Shared, true, false)]
    [InlineData(Role.Manager, ViewScope.Team, false, true)]
    [InlineData(Role.Manager, ViewScope.Shared, false, true)]
    [InlineData(Role.Admin, ViewScope.Shared, false, true)]
    [InlineData(Role.Customer, ViewScope.Personal, false, false)]
    public void WhoMayMakeAView_DependsOnRoleScopeAndTeam(Role role, ViewScope scope, bool inTeam, bool allowed) =>
        Assert.Equal(allowed, SavedViewAccess.MayManage(As(role), scope, scope == ViewScope.Personal ? Me : null, inTeam));

    [Theory]
    [InlineData(Role.Agent)]
    [InlineData(Role.Admin)]
    public void SomeoneElsesPersonalView_IsTheirsAlone(Role role) =>
        Assert.False(SavedViewAccess.MayManage(As(role), ViewScope.Personal, Guid.NewGuid(), inTeam: false));

    [Fact]
    public void AViewMentioningMe_IsCountedPerPerson()
    {
        Assert.True(ViewCatalogue.MentionsMe(new ConditionSet { Any = [Condition.Of("assignee", "is", "none", "me")] }));
        Assert.True(ViewCatalogue.MentionsMe(new ConditionSet { All = [Condition.Of("assignee", "is", "me")] }));
        Assert.False(ViewCatalogue.MentionsMe(new ConditionSet { All = [Condition.Of("priority", "is", "urgent")] }));
    }

    [Fact]
    public void TheFormsColumns_AreTheTickedOnes_InTheirNumbersOrder_TiesInTheFormsOrder()
    {
        var form = SavedViewForm.New();
        foreach (var row in form.Columns) row.Show = row.Column is "subject" or "team" or "priority";
        form.Columns.Single(r => r.Column == "team").Order = 1;
        form.Columns.Single(r => r.Column == "priority").Order = 1;
        form.Columns.Single(r => r.Column == "subject").Order = null;

        Assert.Equal(["priority", "team", "subject"], form.ToRequest().Columns!);
    }
}

using System.Text.Json;
using Rapport.Features.Automation;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Tests.Automation;

public class RulePlanTests
{
    private static AutomationAction A(string type, object? value = null) =>
        new(type, value is null ? null : JsonSerializer.SerializeToElement(value));

    private static (RulePlan? Plan, IReadOnlyDictionary<string, string[]> Errors) Plan(params AutomationAction?[] actions)
    {
        var check = new Validator();
        var plan = RulePlan.From(actions, "actions", check);
        return (plan, check.IsValid ? new Dictionary<string, string[]>() : check.ToError().Errors);
    }

    [Fact]
    public void EveryActionType_IsGatheredIntoOnePlan()
    {
        var agent = Guid.NewGuid();
        var (plan, errors) = Plan(A("reply", "We have not heard from you, so we close this."), A("set_status", "solved"), A("set_priority", "low"),
            A("set_type", "question"), A("set_team", 7), A("assign", agent.ToString()), A("add_tags", new[] { "auto", "stale" }),
            A("remove_tags", "waiting"), A("add_note", "Closed by rule"), A("escalate", "Too slow"), A("notify", new { to = "team", text = "Look" }));
        Assert.Empty(errors);
        Assert.Equal((TicketStatus.Solved, Priority.Low, TicketType.Question), (plan!.Status, plan.Priority, plan.Type));
        Assert.Equal((7L, agent), (plan.Team.Value, plan.Assignee.Value));
        Assert.Equal(["auto", "stale"], plan.AddTags);
        Assert.Equal(["waiting"], plan.RemoveTags);
        Assert.Equal([MessageVisibility.Public, MessageVisibility.Internal], plan.Messages.Select(m => m.Visibility));
        Assert.Equal("Too slow", plan.Escalation);
        Assert.Equal(NoticeTo.Team, Assert.Single(plan.Notices).To.Who);
        Assert.True(plan.ChangesFields);
    }

    [Fact]
    public void NoneUnassignsAndTakesTheTeamAway()
    {
        var (plan, _) = Plan(A("set_team", "none"), A("assign", "none"));
        Assert.Equal((true, (long?)null, true, (Guid?)null), (plan!.Team.IsSet, plan.Team.Value, plan.Assignee.IsSet, plan.Assignee.Value));
    }

    [Fact]
    public void Problems_AreNamedByThePathOfTheAction()
    {
        var (plan, errors) = Plan(A("set_status", "finished"), A("explode"), A("add_tags", 3), A("notify", new { to = "everyone", text = "x" }), null, A("reply", ""));
        Assert.Null(plan);
        Assert.Contains("actions[0].value", errors.Keys);
        Assert.Contains("actions[1].type", errors.Keys);
        Assert.Contains("actions[2].value", errors.Keys);
        Assert.Contains("actions[3].value", errors.Keys);
        Assert.Contains("actions[4].type", errors.Keys);
        Assert.Contains("actions[5].value", errors.Keys);
        Assert.Contains("solved", errors["actions[0].value"][0]);
    }

    [Fact]
    public void ARuleNeedsAnAction_AndNotTooMany()
    {
        Assert.Contains("actions", Plan().Errors.Keys);
        Assert.Contains("actions", Plan([.. Enumerable.Repeat(A("add_tags", "x"), AutomationLimits.MaxActions + 1)]).Errors.Keys);
    }
}

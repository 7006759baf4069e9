using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.Conditions;
using Rapport.Features.Tickets;
using static Rapport.Tests.Conditions.TicketSamples;

namespace Rapport.Tests.Conditions;

/// <summary>The in-memory evaluator, field by field and operator by operator, on tickets that need no database.</summary>
public class ConditionEvaluatorTests
{
    [Theory]
    [InlineData("""{"field":"status","operator":"is","value":"open"}""", true)]
    [InlineData("""{"field":"status","operator":"is","value":["new","pending"]}""", false)]
    [InlineData("""{"field":"status","operator":"is_not","value":["new","pending"]}""", true)]
    [InlineData("""{"field":"priority","operator":"is","value":"HIGH"}""", true)]
    [InlineData("""{"field":"priority","operator":"at_least","value":"high"}""", true)]
    [InlineData("""{"field":"priority","operator":"at_least","value":"urgent"}""", false)]
    [InlineData("""{"field":"priority","operator":"at_most","value":"high"}""", true)]
    [InlineData("""{"field":"priority","operator":"at_most","value":"normal"}""", false)]
    [InlineData("""{"field":"type","operator":"is","value":"complaint"}""", true)]
    [InlineData("""{"field":"channel","operator":"is_not","value":"email"}""", false)]
    [InlineData("""{"field":"team","operator":"is","value":7}""", true)]
    [InlineData("""{"field":"team","operator":"is","value":["8","none"]}""", false)]
    [InlineData("""{"field":"team","operator":"is_not","value":"none"}""", true)]
    [InlineData("""{"field":"team","operator":"is_set"}""", true)]
    [InlineData("""{"field":"assignee","operator":"is","value":"me"}""", true)]
    [InlineData("""{"field":"assignee","operator":"is","value":"6f1c2a3e-0000-4000-8000-000000000002"}""", false)]
    [InlineData("""{"field":"assignee","operator":"is_not_set"}""", false)]
    [InlineData("""{"field":"requester","operator":"is","value":[10,12]}""", true)]
    [InlineData("""{"field":"requester","operator":"is_not","value":"10"}""", false)]
    [InlineData("""{"field":"organisation","operator":"is","value":"3"}""", true)]
    [InlineData("""{"field":"organisation","operator":"is","value":"none"}""", false)]
    [InlineData("""{"field":"customer_kind","operator":"is","value":"internal"}""", true)]
    [InlineData("""{"field":"customer_language","operator":"is","value":["CY","en"]}""", true)]
    [InlineData("""{"field":"customer_language","operator":"is_not","value":"cy"}""", false)]
    [InlineData("""{"field":"customer_language","operator":"is_set"}""", true)]
    [InlineData("""{"field":"tags","operator":"includes_any","value":["VIP","billing"]}""", true)]
    [InlineData("""{"field":"tags","operator":"includes_all","value":["vip","refund"]}""", true)]
    [InlineData("""{"field":"tags","operator":"includes_all","value":["vip","billing"]}""", false)]
    [InlineData("""{"field":"tags","operator":"includes_none","value":["billing"]}""", true)]
    [InlineData("""{"field":"tags","operator":"includes_none","value":["billing","refund"]}""", false)]
    [InlineData("""{"field":"subject","operator":"contains","value":"REFUND"}""", true)]
    [InlineData("""{"field":"subject","operator":"contains","value":"CAFÉ"}""", true)]
    [InlineData("""{"field":"subject","operator":"contains","value":["kettle","order"]}""", true)]
    [InlineData("""{"field":"subject","operator":"not_contains","value":"refund"}""", false)]
    [InlineData("""{"field":"created_at","operator":"before","value":"2d"}""", true)]
    [InlineData("""{"field":"created_at","operator":"older_than","value":"4d"}""", false)]
    [InlineData("""{"field":"created_at","operator":"after","value":"2025-05-29T12:00:00+02:00"}""", true)]
    [InlineData("""{"field":"created_at","operator":"before","value":"2025-05-30T12:00:01Z"}""", true)]
    [InlineData("""{"field":"created_at","operator":"before","value":"2025-05-30T12:00:00Z"}""", false)]
    [InlineData("""{"field":"created_at","operator":"after","value":"2025-05-30T12:00:00Z"}""", false)]
    [InlineData("""{"field":"updated_at","operator":"newer_than","value":"3h"}""", true)]
    [InlineData("""{"field":"updated_at","operator":"newer_than","value":"90m"}""", false)]
    [InlineData("""{"field":"updated_at","operator":"after","value":"1w"}""", true)]
    public void BusyTicket(string condition, bool expected) => Assert.Equal(expected, Matches(Busy(), condition));

    [Theory]
    [InlineData("""{"field":"team","operator":"is","value":"none"}""", true)]
    [InlineData("""{"field":"team","operator":"is","value":"7"}""", false)]
    [InlineData("""{"field":"team","operator":"is_not","value":"7"}""", true)]
    [InlineData("""{"field":"team","operator":"is_not_set"}""", true)]
    [InlineData("""{"field":"assignee","operator":"is","value":["me","none"]}""", true)]
    [InlineData("""{"field":"assignee","operator":"is_not","value":"me"}""", true)]
    [InlineData("""{"field":"organisation","operator":"is_set"}""", false)]
    [InlineData("""{"field":"customer_language","operator":"is","value":"none"}""", true)]
    [InlineData("""{"field":"customer_language","operator":"is_not","value":"cy"}""", true)]
    [InlineData("""{"field":"tags","operator":"includes_any","value":"vip"}""", false)]
    [InlineData("""{"field":"tags","operator":"includes_none","value":"vip"}""", true)]
    [InlineData("""{"field":"priority","operator":"is","value":"normal"}""", true)]
    [InlineData("""{"field":"customer_kind","operator":"is_not","value":"internal"}""", true)]
    public void BareTicket_EmptyFields(string condition, bool expected) => Assert.Equal(expected, Matches(Bare(), condition));

    [Fact]
    public void Me_WithNoActingUser_IsNobody()
    {
        var system = new ConditionContext(ConditionWorld.Now, null);
        Assert.False(Matches(Busy(), """{"field":"assignee","operator":"is","value":"me"}""", system));
        Assert.True(Matches(Busy(), """{"field":"assignee","operator":"is_not","value":"me"}""", system));
        Assert.True(Matches(Bare(), """{"field":"assignee","operator":"is","value":["me","none"]}""", system));
    }

    [Fact]
    public void Ages_CountBackFromTheContextsNow_NotTheClock()
    {
        const string olderThanADay = """{"field":"updated_at","operator":"older_than","value":"1d"}""";
        Assert.False(Matches(Busy(), olderThanADay));
        Assert.True(Matches(Busy(), olderThanADay, AsAgent with { Now = ConditionWorld.Now.AddDays(2) }));
    }

    [Fact]
    public void All_NeedsEvery_Any_NeedsOne_AndEmptyMatchesAll()
    {
        var facts = Facts(Busy());
        ConditionSet Set(Condition[] all, Condition[] any) => new() { All = all, Any = any };
        var open = Condition.Of("status", "is", "open");
        var closed = Condition.Of("status", "is", "closed");
        Assert.True(ConditionSet.Empty.Matches(facts, AsAgent));
        Assert.True(Set([open], []).Matches(facts, AsAgent));
        Assert.False(Set([open, closed], []).Matches(facts, AsAgent));
        Assert.True(Set([], [closed, open]).Matches(facts, AsAgent));
        Assert.False(Set([], [closed]).Matches(facts, AsAgent));
        Assert.False(Set([closed], [open]).Matches(facts, AsAgent));
    }

    [Fact]
    public void Facts_AreASnapshot_OfTheTicketWhenTaken()
    {
        var ticket = Busy();
        var facts = Facts(ticket);
        ticket.Status = TicketStatus.Closed;
        ticket.Tags.Clear();
        Assert.True(ConditionSet.FromJson("""{"all":[{"field":"status","operator":"is","value":"open"},{"field":"tags","operator":"includes_any","value":"vip"}]}""").Matches(facts, AsAgent));
    }

    [Fact]
    public void Facts_NeedTheRequesterLoaded()
    {
        var ticket = Busy();
        ticket.Requester = null!;
        Assert.Throws<ArgumentException>(() => TicketFacts.From(ticket));
    }

    [Fact]
    public void EveryNegativeOperator_IsTheComplementOfItsPositive()
    {
        var negations = ConditionOperators.Negations.ToDictionary(n => n.Value, n => n.Key);
        var positives = Gen.Elements(ConditionGenerators.Sets(ConditionWorld.Offline).Sample(200)
            .SelectMany(s => s.All.Concat(s.Any)).Where(c => negations.ContainsKey(c.Operator)).ToArray());
        var tickets = Gen.Elements(Facts(Busy()), Facts(Bare()));
        Prop.ForAll(positives.Zip(tickets).ToArbitrary(), input =>
        {
            var (positive, facts) = input;
            var negative = positive with { Operator = negations[positive.Operator] };
            return new ConditionSet { All = [positive] }.Matches(facts, AsAgent) != new ConditionSet { All = [negative] }.Matches(facts, AsAgent);
        }).QuickCheckThrowOnFailure();
    }
}

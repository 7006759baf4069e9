using FsCheck.Fluent;
using Rapport.Features.Conditions;
using Rapport.Infrastructure.Problems;

namespace Rapport.Tests.Conditions;

/// <summary>Every problem in a set is reported at its path, in words a person can act on.</summary>
public class ConditionValidationTests
{
    private static IReadOnlyDictionary<string, string[]> Problems(string json, string prefix = "conditions")
    {
        var check = new Validator();
        ConditionSet.FromJson(json).Validate(prefix, check);
        return check.ToError().Errors;
    }

    /// <summary>The one problem of a set with a single condition in All.</summary>
    private static (string Path, string Message) Problem(string condition)
    {
        var problem = Assert.Single(Problems($$"""{"all":[{{condition}}]}"""));
        return (problem.Key, Assert.Single(problem.Value));
    }

    [Fact]
    public void EveryFieldAndOperator_WithAGoodValue_IsValid()
    {
        var check = new Validator();
        foreach (var set in ConditionGenerators.Sets(ConditionWorld.Offline).Sample(300)) set.Validate("conditions", check);
        Assert.True(check.IsValid, string.Join(" ", check.ToError().Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public void UnknownField_NamesTheKnownOnes()
    {
        var (path, message) = Problem("""{"field":"colour","operator":"is","value":"red"}""");
        Assert.Equal("conditions.all[0].field", path);
        Assert.Equal($"'colour' is not a ticket field. Use one of: {TicketFields.Names}.", message);
        Assert.Contains("customer_language", message);
    }

    [Fact]
    public void OperatorTheFieldDoesNotTake_NamesTheAllowedOnes()
    {
        var problems = Problems("""{"any":[{"field":"status","operator":"is","value":"open"},{"field":"priority","operator":"contains","value":"high"}]}""");
        Assert.Equal(["'contains' does not apply to priority. Use one of: is, is_not, at_least, at_most."], problems["conditions.any[1].operator"]);
        Assert.Single(problems);
    }

    [Theory]
    [InlineData("""{"operator":"is","value":"open"}""", "conditions.all[0].field", "Give a field: one of status, priority")]
    [InlineData("""{"field":"status","value":"open"}""", "conditions.all[0].operator", "Give an operator for status: one of is, is_not.")]
    [InlineData("""{"field":"priority","operator":"is","value":"extreme"}""", "conditions.all[0].value", "'extreme' is not one of: low, normal, high, urgent.")]
    [InlineData("""{"field":"status","operator":"is"}""", "conditions.all[0].value", "Give one of: new, open, pending, on_hold, solved, closed.")]
    [InlineData("""{"field":"status","operator":"is","value":[]}""", "conditions.all[0].value", "Give one of: new, open")]
    [InlineData("""{"field":"status","operator":"is","value":{"name":"open"}}""", "conditions.all[0].value", "as a string or a list of strings.")]
    [InlineData("""{"field":"status","operator":"is","value":[true]}""", "conditions.all[0].value", "as a string or a list of strings.")]
    [InlineData("""{"field":"status","operator":"is_set"}""", "conditions.all[0].operator", "Use one of: is, is_not.")]
    [InlineData("""{"field":"priority","operator":"at_least","value":["low","high"]}""", "conditions.all[0].value", "Give one value, not a list: one of: low, normal, high, urgent.")]
    [InlineData("""{"field":"team","operator":"is","value":"sales"}""", "conditions.all[0].value", "'sales' is not a team id or 'none'.")]
    [InlineData("""{"field":"team","operator":"is","value":-4}""", "conditions.all[0].value", "'-4' is not a team id or 'none'.")]
    [InlineData("""{"field":"team","operator":"is_set","value":"none"}""", "conditions.all[0].value", "'is_set' takes no value; leave the value out.")]
    [InlineData("""{"field":"assignee","operator":"is","value":"someone"}""", "conditions.all[0].value", "'someone' is not a user id, 'me' or 'none'.")]
    [InlineData("""{"field":"requester","operator":"is","value":"none"}""", "conditions.all[0].value", "'none' is not a customer id.")]
    [InlineData("""{"field":"requester","operator":"is_not_set"}""", "conditions.all[0].operator", "Use one of: is, is_not.")]
    [InlineData("""{"field":"customer_kind","operator":"is","value":"vip"}""", "conditions.all[0].value", "'vip' is not one of: external, internal.")]
    [InlineData("""{"field":"customer_language","operator":"is","value":"english"}""", "conditions.all[0].value", "'english' is not a language tag (en, cy, fr-CA…) or 'none'.")]
    [InlineData("""{"field":"tags","operator":"includes_any","value":["vip","no way!"]}""", "conditions.all[0].value[1]", "A tag is 1 to 64 letters")]
    [InlineData("""{"field":"subject","operator":"contains","value":"  "}""", "conditions.all[0].value", "blank text would match everything.")]
    [InlineData("""{"field":"subject","operator":"contains","value":"bell\u0007"}""", "conditions.all[0].value", "Must not contain control characters.")]
    [InlineData("""{"field":"created_at","operator":"before","value":"yesterday"}""", "conditions.all[0].value", "'yesterday' is not an instant such as 2025-03-01T09:00:00Z or an age such as 7d, 12h or 30m.")]
    [InlineData("""{"field":"created_at","operator":"before","value":"2025-03-01T09:00:00"}""", "conditions.all[0].value", "is not an instant")]
    [InlineData("""{"field":"created_at","operator":"after","value":"2025-02-30T09:00:00Z"}""", "conditions.all[0].value", "is not an instant")]
    [InlineData("""{"field":"updated_at","operator":"older_than","value":"2025-03-01T09:00:00Z"}""", "conditions.all[0].value", "is not an age such as 7d, 12h or 30m.")]
    [InlineData("""{"field":"updated_at","operator":"newer_than","value":"0d"}""", "conditions.all[0].value", "'0d' is not an age")]
    public void BadCondition_IsReportedAtItsPath(string condition, string path, string message)
    {
        var problem = Problem(condition);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void EveryProblem_IsReported_NotOnlyTheFirst()
    {
        var problems = Problems("""
            {"all":[{"field":"colour","operator":"is","value":"red"},{"field":"status","operator":"is","value":"open"},null],
             "any":[{"field":"team","operator":"is","value":"x"},{"field":"tags","operator":"includes","value":"vip"}]}
            """);
        Assert.Equal(["conditions.all[0].field", "conditions.all[2]", "conditions.any[0].value", "conditions.any[1].operator"], problems.Keys.Order());
    }

    [Fact]
    public void TooManyConditions_AreRefused()
    {
        var set = new ConditionSet
        {
            All = [.. Enumerable.Repeat(Condition.Of("status", "is", "open"), 30)],
            Any = [.. Enumerable.Repeat(Condition.Of("priority", "is", "high"), 21)],
        };
        var check = new Validator();
        set.Validate("conditions", check);
        Assert.Equal(["Give at most 50 conditions; this set has 51."], check.ToError().Errors["conditions"]);
    }

    [Fact]
    public void WithoutAPrefix_PathsStartAtTheList() =>
        Assert.Equal(["all[0].field"], Problems("""{"all":[{"field":"colour","operator":"is","value":"red"}]}""", prefix: "").Keys);

    [Fact]
    public void RunningAnInvalidSet_IsTheCallersBug()
    {
        var set = ConditionSet.FromJson("""{"all":[{"field":"colour","operator":"is","value":"red"}]}""");
        var context = new ConditionContext(ConditionWorld.Now, null);
        var error = Assert.Throws<ArgumentException>(() => Enumerable.Empty<Features.Tickets.Ticket>().AsQueryable().Where(set, context));
        Assert.Contains("conditions.all[0].field", error.Message);
        Assert.Throws<ArgumentException>(() => set.Matches(TicketSamples.Facts(TicketSamples.Busy()), context));
    }
}

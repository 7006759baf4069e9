using Rapport.Features.Escalation.Referrals;
using Rapport.Features.People;
using Rapport.Tests.Conditions;
using static Rapport.Tests.Conditions.TicketSamples;

namespace Rapport.Tests.Escalation;

/// <summary>Which team the matrix suggests: the first active rule, by position, whose conditions the ticket meets.</summary>
public class ReferralMatrixTests
{
    private static readonly DateTimeOffset Now = ConditionWorld.Now;

    private static ReferralRule Rule(long id, string team, string conditions, int position = 1, bool active = true, Role? notify = null) => new()
    {
        Id = id, Name = team + " rule", Conditions = conditions, Position = position, IsActive = active, TeamId = id * 10,
        Team = new Team { Id = id * 10, Name = team }, NotifyRole = notify,
    };

    private const string Disputes = """{"all":[{"field":"type","operator":"is","value":"complaint"},{"field":"tags","operator":"includes_any","value":"refund"}]}""";

    [Fact]
    public void BillingDisputes_GoToBilling_WithTheRuleAndRoleNamed()
    {
        var matrix = new ReferralMatrix([Rule(1, "Billing", Disputes, notify: Role.Manager), Rule(2, "Front desk", "{}", position: 2)]);

        var suggestion = matrix.Suggest(Facts(Busy()), Now);

        Assert.Equal(new ReferralSuggestion(1, "Billing rule", 10, "Billing", Role.Manager), suggestion);
    }

    [Fact]
    public void TheFirstMatchByPosition_Wins_AndTiesGoToTheLowerId()
    {
        var broad = Rule(1, "Front desk", "{}", position: 2);
        var narrow = Rule(2, "Billing", Disputes, position: 1);
        Assert.Equal("Billing", new ReferralMatrix([broad, narrow]).Suggest(Facts(Busy()), Now)?.TeamName);
        Assert.Equal("Front desk", new ReferralMatrix([broad, narrow]).Suggest(Facts(Bare()), Now)?.TeamName);

        var later = Rule(9, "Later", "{}", position: 1);
        var earlier = Rule(4, "Earlier", "{}", position: 1);
        Assert.Equal("Earlier", new ReferralMatrix([later, earlier]).Suggest(Facts(Bare()), Now)?.TeamName);
    }

    [Fact]
    public void InactiveRules_AndRulesThatNoLongerRead_SuggestNothing()
    {
        var matrix = new ReferralMatrix([
            Rule(1, "Retired", "{}", active: false),
            Rule(2, "Broken", """{"all":[{"field":"withdrawn_field","operator":"is","value":"x"}]}"""),
            Rule(3, "Not JSON", "{not json"),
        ]);

        Assert.Null(matrix.Suggest(Facts(Busy()), Now));
        Assert.Null(new ReferralMatrix([]).Suggest(Facts(Bare()), Now));
    }

    [Fact]
    public void NoRuleMatching_SuggestsNothing()
    {
        var matrix = new ReferralMatrix([Rule(1, "Billing", Disputes)]);
        Assert.Null(matrix.Suggest(Facts(Bare()), Now));
    }
}

using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Tests.Conditions;
using static Rapport.Tests.Conditions.TicketSamples;

namespace Rapport.Tests.ServiceLevels;

/// <summary>Which policy a ticket is put under: the first active one, by position, whose conditions it meets.</summary>
public class SlaPolicyMatcherTests
{
    private static readonly DateTimeOffset Now = ConditionWorld.Now;

    [Fact]
    public void FirstMatchingPolicy_ByPosition_Applies()
    {
        var vip = Policy(1, "vip", """{"all":[{"field":"tags","operator":"includes_any","value":"vip"}]}""", position: 2);
        var urgent = Policy(2, "urgent", """{"all":[{"field":"priority","operator":"at_least","value":"high"}]}""", position: 1);
        var everyone = Policy(3, "everyone", "{}", position: 3);
        var matcher = new SlaPolicyMatcher([everyone, vip, urgent]);

        Assert.Same(urgent, matcher.Match(Facts(Busy()), Now));
        Assert.Same(everyone, matcher.Match(Facts(Bare()), Now));
    }

    [Fact]
    public void InactivePolicies_AreSkipped_AndNoMatch_IsNull()
    {
        var complaints = Policy(1, "complaints", """{"all":[{"field":"type","operator":"is","value":"complaint"}]}""", active: false);
        var web = Policy(2, "web", """{"all":[{"field":"channel","operator":"is","value":"web"}]}""");
        var matcher = new SlaPolicyMatcher([complaints, web]);

        Assert.Null(matcher.Match(Facts(Busy()), Now));
        Assert.Same(web, matcher.Match(Facts(Bare()), Now));
        Assert.Null(new SlaPolicyMatcher([]).Match(Facts(Bare()), Now));
    }

    [Fact]
    public void AnyConditions_NeedOneToHold_AlongsideAll()
    {
        var policy = Policy(1, "gold or vip", """
            {"all":[{"field":"status","operator":"is_not","value":"closed"}],
             "any":[{"field":"organisation_tier","operator":"is","value":"gold"},{"field":"tags","operator":"includes_any","value":"vip"}]}
            """);
        var matcher = new SlaPolicyMatcher([policy]);

        Assert.Same(policy, matcher.Match(Facts(Busy()), Now));
        Assert.Null(matcher.Match(Facts(Bare()), Now));
    }

    [Fact]
    public void EqualPositions_AreBrokenById_SoTheAnswerNeverDependsOnLoadingOrder()
    {
        var later = Policy(9, "later", "{}", position: 1);
        var earlier = Policy(4, "earlier", "{}", position: 1);
        Assert.Same(earlier, new SlaPolicyMatcher([later, earlier]).Match(Facts(Bare()), Now));
        Assert.Same(earlier, new SlaPolicyMatcher([earlier, later]).Match(Facts(Bare()), Now));
    }

    [Fact]
    public void Ages_CountBackFromTheMomentAsked()
    {
        var old = Policy(1, "old", """{"all":[{"field":"created_at","operator":"older_than","value":"1h"}]}""");
        var matcher = new SlaPolicyMatcher([old]);
        var bare = Facts(Bare()); // created five minutes before Now

        Assert.Null(matcher.Match(bare, Now));
        Assert.Same(old, matcher.Match(bare, Now.AddHours(1)));
    }

    [Fact]
    public void AssigneeIsMe_MatchesNobody_BecauseNoUserIsActing()
    {
        var mine = Policy(1, "mine", """{"all":[{"field":"assignee","operator":"is","value":"me"}]}""");
        Assert.Null(new SlaPolicyMatcher([mine]).Match(Facts(Busy()), Now));
    }

    [Fact]
    public void StoredConditionsThatNoLongerRead_MatchNothing_InsteadOfFailingTheTicket()
    {
        var broken = Policy(1, "broken", """{"all":[{"field":"mood","operator":"is","value":"grumpy"}]}""");
        var garbled = Policy(2, "garbled", "{not json");
        var fallback = Policy(3, "fallback", "{}");
        Assert.Same(fallback, new SlaPolicyMatcher([broken, garbled, fallback]).Match(Facts(Busy()), Now));
    }

    [Fact]
    public void Targets_CountInTheCalendar_OnlyWhenInBusinessHours_AndWarnAtThePolicysPercent()
    {
        var policy = Policy(1, "office", "{}");
        policy.WarnAtPercent = 75;
        policy.Targets =
        [
            new SlaPolicyTarget { Metric = SlaMetric.Resolution, Minutes = 2880, BusinessHours = false },
            new SlaPolicyTarget { Metric = SlaMetric.FirstResponse, Minutes = 240, BusinessHours = true },
        ];
        var office = CalendarFixtures.Office("Europe/London");

        var targets = policy.ToSlaTargets(office);

        Assert.Equal([SlaMetric.FirstResponse, SlaMetric.Resolution], targets.Select(t => t.Metric));
        Assert.Equal((TimeSpan.FromHours(4), office, 0.75), (targets[0].Duration, targets[0].Calendar, targets[0].WarningFraction));
        Assert.Equal((TimeSpan.FromDays(2), BusinessCalendar.TwentyFourSeven), (targets[1].Duration, targets[1].Calendar));
    }

    private static SlaPolicy Policy(long id, string name, string conditions, int position = 1, bool active = true) =>
        new() { Id = id, Name = name, Conditions = conditions, Position = position, IsActive = active };
}

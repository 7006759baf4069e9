using Rapport.Features.Routing;
using Rapport.Features.Tickets;

namespace Rapport.Tests.Routing;

public class RouterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Candidate Agent(int n, int load = 0, Availability availability = Availability.Available, bool absent = false,
        DateTimeOffset? last = null, params Skill[] skills) =>
        new(new Guid(n, 0, 0, new byte[8]), availability, absent, load, skills, last);

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    [Fact]
    public void Weights_AreLowOneNormalTwoHighThreeUrgentFive()
    {
        Assert.Equal([1, 2, 3, 5], Enum.GetValues<Priority>().Select(Workload.Weight));
        Assert.Equal(5, Workload.LoadOf(TicketStatus.New, Priority.Urgent));
        Assert.Equal(2, Workload.LoadOf(TicketStatus.Open, Priority.Normal));
        Assert.Equal(0, Workload.LoadOf(TicketStatus.Pending, Priority.Urgent));
        Assert.Equal(0, Workload.LoadOf(TicketStatus.OnHold, Priority.High));
        Assert.Equal(0, Workload.LoadOf(TicketStatus.Solved, Priority.High));
    }

    [Fact]
    public void Manual_ChoosesNobody()
    {
        Assert.Null(Router.Choose(AssignmentMethod.Manual, [Agent(1)], TicketNeeds.None, Now));
    }

    [Theory]
    [InlineData(AssignmentMethod.RoundRobin)]
    [InlineData(AssignmentMethod.LeastLoaded)]
    [InlineData(AssignmentMethod.SkillsBased)]
    public void NobodyAvailable_ChoosesNobody(AssignmentMethod method)
    {
        Candidate[] team = [Agent(1, availability: Availability.Away), Agent(2, availability: Availability.Offline), Agent(3, absent: true)];
        Assert.Null(Router.Choose(method, team, new TicketNeeds("fr", null, []), Now));
        Assert.Null(Router.Choose(method, [], TicketNeeds.None, Now));
    }

    [Fact]
    public void RoundRobin_GivesTheTicketToTheMemberAssignedLongestAgo_NeverAssignedFirst()
    {
        Candidate[] team = [Agent(1, last: Now.AddMinutes(-1)), Agent(2, last: Now.AddMinutes(-9)), Agent(3, last: Now.AddMinutes(-5))];
        Assert.Equal(Id(2), Router.Choose(AssignmentMethod.RoundRobin, team, TicketNeeds.None, Now)!.UserId);
        Assert.Equal(Id(4), Router.Choose(AssignmentMethod.RoundRobin, [.. team, Agent(4)], TicketNeeds.None, Now)!.UserId);
    }

    [Fact]
    public void RoundRobin_OverTenThousandTickets_KeepsEveryAvailableAgentWithinOneOfTheOthers()
    {
        var team = new List<Candidate>
        {
            Agent(1), Agent(2, last: Now.AddDays(-1)), Agent(3, availability: Availability.Away), Agent(4), Agent(5, absent: true),
            Agent(6, last: Now.AddHours(-2)), Agent(7, availability: Availability.Offline), Agent(8),
        };
        var counts = new Dictionary<Guid, int>();
        var now = Now;
        for (var i = 0; i < 10_000; i++)
        {
            // The clock often stands still between tickets: turns must not tie.
            if (i % 7 == 0) now = now.AddSeconds(1);
            var choice = Router.Choose(AssignmentMethod.RoundRobin, team, TicketNeeds.None, now)!;
            counts[choice.UserId] = counts.GetValueOrDefault(choice.UserId) + 1;
            var index = team.FindIndex(c => c.UserId == choice.UserId);
            team[index] = team[index] with { LastAssignedAt = choice.Stamp };
            var counted = team.Where(c => c.CanTakeWork).Select(c => counts.GetValueOrDefault(c.UserId)).ToList();
            Assert.True(counted.Max() - counted.Min() <= 1, $"after {i + 1} tickets: {string.Join(", ", counted)}");
        }
        Assert.Equal([Id(1), Id(2), Id(4), Id(6), Id(8)], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.Equal(2_000, c));
    }

    [Fact]
    public void Stamps_AlwaysMoveForward_EvenWhenTheClockStandsStillOrGoesBack()
    {
        Candidate[] team = [Agent(1, last: Now), Agent(2, last: Now.AddMinutes(-3))];
        Assert.Equal(Now + Router.StampStep, Router.Choose(AssignmentMethod.RoundRobin, team, TicketNeeds.None, Now)!.Stamp);
        Assert.Equal(Now + Router.StampStep, Router.Choose(AssignmentMethod.RoundRobin, team, TicketNeeds.None, Now.AddHours(-1))!.Stamp);
        Assert.Equal(Now.AddMinutes(1), Router.Choose(AssignmentMethod.RoundRobin, team, TicketNeeds.None, Now.AddMinutes(1))!.Stamp);
    }

    [Fact]
    public void LeastLoaded_PicksTheLeastLoadedAvailableAgent()
    {
        Candidate[] team = [Agent(1, load: 6), Agent(2, load: 1, availability: Availability.Away), Agent(3, load: 4), Agent(4, load: 0, absent: true), Agent(5, load: 5)];
        var choice = Router.Choose(AssignmentMethod.LeastLoaded, team, TicketNeeds.None, Now)!;
        Assert.Equal(Id(3), choice.UserId);
        Assert.Equal("least loaded: load 4, the lowest of 3 available agents", choice.Reason);
    }

    [Fact]
    public void LeastLoaded_Ties_GoToTheAgentAssignedLongestAgo_ThenTheLowestId()
    {
        Candidate[] team = [Agent(3, load: 2, last: Now.AddMinutes(-1)), Agent(2, load: 2, last: Now.AddMinutes(-30)), Agent(1, load: 2, last: Now.AddMinutes(-1))];
        Assert.Equal(Id(2), Router.Choose(AssignmentMethod.LeastLoaded, team, TicketNeeds.None, Now)!.UserId);
        Candidate[] same = [Agent(3, load: 2, last: Now), Agent(1, load: 2, last: Now), Agent(2, load: 2, last: Now)];
        Assert.Equal(Id(1), Router.Choose(AssignmentMethod.LeastLoaded, same, TicketNeeds.None, Now)!.UserId);
        Assert.Equal(Id(1), Router.Choose(AssignmentMethod.LeastLoaded, same.Reverse().ToArray(), TicketNeeds.None, Now)!.UserId);
    }

    [Fact]
    public void SkillsBased_PrefersTheAgentsMeetingMostNeeds_ThenTheLeastLoadedOfThem()
    {
        var needs = new TicketNeeds("fr-CA", 7, ["billing", "vip"]);
        Candidate[] team =
        [
            Agent(1, load: 0, skills: [new(SkillKind.Tag, "billing")]),
            Agent(2, load: 9, skills: [new(SkillKind.Language, "fr"), new(SkillKind.Service, "7")]),
            Agent(3, load: 4, skills: [new(SkillKind.Language, "fr-FR"), new(SkillKind.Tag, "vip")]),
            Agent(4, load: 0, availability: Availability.Away, skills: [new(SkillKind.Language, "fr"), new(SkillKind.Service, "7"), new(SkillKind.Tag, "vip")]),
        ];
        var choice = Router.Choose(AssignmentMethod.SkillsBased, team, needs, Now)!;
        Assert.Equal(Id(3), choice.UserId);
        Assert.Equal("skills based: meets 2 of 4 needs (language fr-CA, service 7, tag billing, tag vip): load 4, the lowest of 2 available agents with these skills",
            choice.Reason);
    }

    [Fact]
    public void SkillsBased_WhenNobodyMatches_FallsBackToTheLeastLoadedOfTheTeam()
    {
        Candidate[] team = [Agent(1, load: 3, skills: [new(SkillKind.Language, "de")]), Agent(2, load: 1), Agent(3, load: 0, availability: Availability.Offline)];
        var choice = Router.Choose(AssignmentMethod.SkillsBased, team, new TicketNeeds("cy", null, ["welsh"]), Now)!;
        Assert.Equal(Id(2), choice.UserId);
        Assert.StartsWith("skills based: nobody available has the skills (language cy, tag welsh); least loaded instead", choice.Reason, StringComparison.Ordinal);
        Assert.StartsWith("skills based: the ticket asks for no skill", Router.Choose(AssignmentMethod.SkillsBased, team, TicketNeeds.None, Now)!.Reason,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "fr-CA", true)]
    [InlineData("fr-CA", "fr", true)]
    [InlineData("FR", "fr-ca", true)]
    [InlineData("pt-BR", "pt-PT", true)]
    [InlineData("en", "cy", false)]
    [InlineData("zh-Hant", "zh", true)]
    public void Languages_MatchOnTheirPrimarySubtag(string skill, string language, bool matches) =>
        Assert.Equal(matches, Router.SameLanguage(skill, language));

    [Fact]
    public void Matches_CountsLanguageServiceAndEachTag()
    {
        Skill[] skills = [new(SkillKind.Language, "en"), new(SkillKind.Service, "12"), new(SkillKind.Tag, "billing"), new(SkillKind.Tag, "refund")];
        Assert.Equal(4, Router.Matches(skills, new TicketNeeds("en-GB", 12, ["billing", "refund", "other"])));
        Assert.Equal(0, Router.Matches(skills, new TicketNeeds("de", 1, ["other"])));
        Assert.Equal(0, Router.Matches([new(SkillKind.Tag, "12")], new TicketNeeds(null, 12, [])));
    }
}

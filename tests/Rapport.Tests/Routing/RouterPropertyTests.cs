using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.Routing;

namespace Rapport.Tests.Routing;

/// <summary>Whatever the team and the ticket, the router's choice obeys its rules.</summary>
public class RouterPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public sealed record Case(AssignmentMethod Method, Candidate[] Team, TicketNeeds Needs)
    {
        public override string ToString() => $"{Method} | {Needs.Language} {Needs.ServiceId} [{string.Join(",", Needs.Tags)}] | "
            + string.Join("; ", Team.Select(c => $"{c.UserId.ToString()[..8]} {c.Availability} absent={c.IsAbsent} load={c.Load} last={c.LastAssignedAt:HH:mm} [{string.Join(",", c.Skills)}]"));
    }

    private static readonly Gen<Skill> Skills = Gen.OneOf(
        Gen.Elements("en", "fr", "fr-CA", "cy", "de").Select(v => new Skill(SkillKind.Language, v)),
        Gen.Elements("1", "2", "3").Select(v => new Skill(SkillKind.Service, v)),
        Gen.Elements("billing", "vip", "refund").Select(v => new Skill(SkillKind.Tag, v)));

    private static readonly Gen<Candidate> Candidates =
        from id in Gen.Choose(1, 40)
        from availability in Gen.Elements(Enum.GetValues<Availability>())
        from absent in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from load in Gen.Choose(0, 12)
        from count in Gen.Choose(0, 4)
        from skills in Gen.ArrayOf(Skills, count)
        from minutesAgo in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 600).Select(m => (int?)m))
        select new Candidate(new Guid(id, 0, 0, new byte[8]), availability, absent, load, skills.Distinct().ToArray(),
            minutesAgo is { } m ? Now.AddMinutes(-m) : null);

    private static readonly Gen<Case> Cases =
        from method in Gen.Elements(Enum.GetValues<AssignmentMethod>())
        from size in Gen.Choose(0, 8)
        from team in Gen.ArrayOf(Candidates, size)
        from language in Gen.Elements<string?>(null, "en-GB", "fr", "cy")
        from service in Gen.Elements<long?>(null, 1, 2, 9)
        from tags in Gen.SubListOf(new[] { "billing", "vip", "refund", "other" })
        select new Case(method, team.DistinctBy(c => c.UserId).ToArray(), new TicketNeeds(language, service, tags.ToArray()));

    private static void Holds(Func<Case, RoutingChoice?, bool> property) =>
        Prop.ForAll(Cases.ToArbitrary(), c => property(c, Router.Choose(c.Method, c.Team, c.Needs, Now)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    [Fact]
    public void AwayOfflineOrAbsentAgents_NeverReceiveWork() => Holds((c, choice) =>
        choice is null || c.Team.Single(a => a.UserId == choice.UserId).CanTakeWork);

    [Fact]
    public void SomeoneIsChosen_ExactlyWhenTheTeamIsNotManualAndSomeoneCanTakeWork() => Holds((c, choice) =>
        (choice is not null) == (c.Method != AssignmentMethod.Manual && c.Team.Any(a => a.CanTakeWork)));

    [Fact]
    public void LeastLoaded_ChoosesAnAgentNobodyAvailableIsLessLoadedThan() => Holds((c, choice) =>
        c.Method != AssignmentMethod.LeastLoaded || choice is null
        || c.Team.Where(a => a.CanTakeWork).All(a => a.Load >= c.Team.Single(x => x.UserId == choice.UserId).Load));

    [Fact]
    public void SkillsBased_ChoosesAnAgentMeetingAsManyNeedsAsAnyAvailable_AndTheLeastLoadedOfThose() => Holds((c, choice) =>
    {
        if (c.Method != AssignmentMethod.SkillsBased || choice is null) return true;
        var able = c.Team.Where(a => a.CanTakeWork).ToList();
        var chosen = able.Single(a => a.UserId == choice.UserId);
        var score = Router.Matches(chosen.Skills, c.Needs);
        return able.All(a => Router.Matches(a.Skills, c.Needs) <= score)
            && able.Where(a => Router.Matches(a.Skills, c.Needs) == score).All(a => a.Load >= chosen.Load);
    });

    [Fact]
    public void TheChoice_DoesNotDependOnTheOrderOfTheTeam() => Holds((c, choice) =>
        Router.Choose(c.Method, c.Team.Reverse().ToArray(), c.Needs, Now)?.UserId == choice?.UserId);

    [Fact]
    public void TheStamp_IsLaterThanEveryEarlierTurn() => Holds((c, choice) =>
        choice is null || (choice.Stamp >= Now && c.Team.All(a => a.LastAssignedAt is null || a.LastAssignedAt < choice.Stamp)));
}

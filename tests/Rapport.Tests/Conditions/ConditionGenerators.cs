using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.Conditions;
using Rapport.Infrastructure.Json;
using static Rapport.Features.Conditions.ConditionOperators;

namespace Rapport.Tests.Conditions;

/// <summary>
/// Random, valid condition sets over a world's tickets: every field and operator, with values
/// that hit some tickets (the world's ids, tags, words) and some that hit none.
/// </summary>
public static class ConditionGenerators
{
    public static Gen<ConditionSet> Sets(ConditionWorld world)
    {
        var condition = Gen.OneOf(Fields(world));
        return from all in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(condition, n))
               from any in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(condition, n))
               select new ConditionSet { All = [.. all], Any = [.. any] };
    }

    /// <summary>A set and who evaluates it; a failure shrinks to the fewest conditions that still disagree.</summary>
    public static Arbitrary<(ConditionSet Set, ConditionContext Context)> Cases(ConditionWorld world)
    {
        var cases = from set in Sets(world)
                    from context in Gen.Elements(new ConditionContext(ConditionWorld.Now, world.Agents[0]), new ConditionContext(ConditionWorld.Now, null))
                    select (set, context);
        return Arb.From(cases, c => Smaller(c.set).Select(set => (set, c.context)));
    }

    private static IEnumerable<ConditionSet> Smaller(ConditionSet set) =>
        set.All.Select((_, i) => set with { All = [.. set.All.Where((_, j) => j != i)] })
            .Concat(set.Any.Select((_, i) => set with { Any = [.. set.Any.Where((_, j) => j != i)] }));

    private static IEnumerable<Gen<Condition>> Fields(ConditionWorld world)
    {
        yield return Choice<Features.Tickets.TicketStatus>("status");
        yield return Choice<Features.Tickets.TicketType>("type");
        yield return Choice<Features.Tickets.Channel>("channel");
        yield return Choice<Features.Customers.CustomerKind>("customer_kind");
        yield return Gen.OneOf(Choice<Features.Tickets.Priority>("priority"),
            Single("priority", [AtLeast, AtMost], Names<Features.Tickets.Priority>()));
        yield return Values("team", [Is, IsNot], [.. Texts(world.Teams), "none", "987654"]).Or(NoValue("team"));
        yield return Values("assignee", [Is, IsNot], [.. world.Agents.Select(a => a.ToString()), "me", "none"]).Or(NoValue("assignee"));
        yield return Values("requester", [Is, IsNot], Texts(world.Customers));
        yield return Values("organisation", [Is, IsNot], [.. Texts(world.Organisations), "none"]).Or(NoValue("organisation"));
        yield return Values("organisation_tier", [Is, IsNot], [ConditionWorld.Tier, "Gold", "silver", "none"]).Or(NoValue("organisation_tier"));
        yield return Values("service", [Is, IsNot], [.. Texts(world.Services), "none"]).Or(NoValue("service"));
        yield return Values("customer_language", [Is, IsNot], ["en", "EN-gb", "cy", "fr-CA", "de", "none"]).Or(NoValue("customer_language"));
        yield return Values("tags", [IncludesAny, IncludesAll, IncludesNone], [.. ConditionWorld.Tags, "VIP", "Urgent Follow-up", "absent"]);
        yield return Values("subject", [Contains, NotContains], ["refund", "REFUND", "invoice", "café", "DÉJÀ", "50%", "off_sale", "o", "?", "zzz"]);
        string[] ages = ["30m", "12h", "1d", "3d", "7d", "2w", "60d"];
        var instants = new[] { 1, 30, 100, 400 }.Select(h => ConditionWorld.Now.AddHours(-h).ToOffset(TimeSpan.FromHours(h % 3)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        foreach (var field in new[] { "created_at", "updated_at" })
            yield return Gen.OneOf(Single(field, [Before, After], [.. ages, .. instants]), Single(field, [OlderThan, NewerThan], ages));
    }

    private static string[] Names<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(SnakeCaseEnumConverter<TEnum>.NameOf)];

    private static string[] Texts(IEnumerable<long> ids) => [.. ids.Select(id => id.ToString(CultureInfo.InvariantCulture))];

    private static Gen<Condition> Choice<TEnum>(string field) where TEnum : struct, Enum => Values(field, [Is, IsNot], Names<TEnum>());

    /// <summary>One to three of the values, sent as a string when there is one and as a list otherwise.</summary>
    private static Gen<Condition> Values(string field, string[] operators, string[] values) =>
        from op in Gen.Elements(operators)
        from count in Gen.Choose(1, 3)
        from chosen in Gen.ListOf(Gen.Elements(values), count)
        select Condition.Of(field, op, [.. chosen]);

    private static Gen<Condition> Single(string field, string[] operators, string[] values) =>
        from op in Gen.Elements(operators)
        from value in Gen.Elements(values)
        select new Condition(field, op, JsonSerializer.SerializeToElement(value));

    private static Gen<Condition> NoValue(string field) => Gen.Elements(IsSet, IsNotSet).Select(op => new Condition(field, op));
}

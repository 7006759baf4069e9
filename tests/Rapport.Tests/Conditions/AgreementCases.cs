using System.Globalization;
using System.Text.Json;
using Rapport.Features.Conditions;
using static Rapport.Features.Conditions.ConditionOperators;

namespace Rapport.Tests.Conditions;

/// <summary>Hand-written condition sets over a world, together covering every field and operator.</summary>
public static class AgreementCases
{
    /// <summary>Each set, and whether it may pick all or none of the world's tickets.</summary>
    public static IEnumerable<(ConditionSet Set, bool Trivial)> For(ConditionWorld world)
    {
        static Condition C(string field, string op, params string[] values) => Condition.Of(field, op, values);
        static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
        var (team, otherTeam, org, agent, otherAgent) = (Id(world.Teams[0]), Id(world.Teams[1]), Id(world.Organisations[0]), world.Agents[0].ToString(), world.Agents[1].ToString());
        var dayAgo = ConditionWorld.Now.AddDays(-1).ToString("O", CultureInfo.InvariantCulture);
        var weekAgoInParis = ConditionWorld.Now.AddDays(-7).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

        Condition[] singles =
        [
            C("status", Is, "open"), C("status", Is, "new", "pending"), C("status", IsNot, "solved", "closed"),
            C("priority", Is, "urgent"), C("priority", IsNot, "low", "normal"), C("priority", AtLeast, "high"), C("priority", AtMost, "normal"),
            C("type", Is, "complaint", "incident"), C("type", IsNot, "question", "request"),
            C("channel", Is, "email", "web"), C("channel", IsNot, "email", "phone", "web"),
            C("team", Is, team), C("team", Is, otherTeam, "none"), C("team", Is, "none"), C("team", IsNot, team), C("team", IsNot, "none"),
            C("team", IsSet), C("team", IsNotSet), new("team", Is, JsonSerializer.SerializeToElement(world.Teams[1])),
            C("assignee", Is, "me"), C("assignee", Is, "me", "none"), C("assignee", Is, otherAgent), C("assignee", IsNot, "me"),
            C("assignee", IsNot, agent, "none"), C("assignee", IsSet), C("assignee", IsNotSet),
            C("requester", Is, Id(world.Customers[0])), C("requester", Is, Id(world.Customers[1]), Id(world.Customers[2])),
            C("requester", IsNot, Id(world.Customers[3])), new("requester", Is, JsonSerializer.SerializeToElement(world.Customers[4])),
            C("organisation", Is, org), C("organisation", Is, "none"), C("organisation", IsNot, org), C("organisation", IsSet), C("organisation", IsNotSet),
            C("organisation_tier", Is, ConditionWorld.Tier), C("organisation_tier", Is, "Gold", "silver"), C("organisation_tier", IsNot, ConditionWorld.Tier),
            C("organisation_tier", Is, "none"), C("organisation_tier", IsSet), C("organisation_tier", IsNotSet),
            C("service", Is, Id(world.Services[0])), C("service", Is, Id(world.Services[1]), "none"), C("service", IsNot, Id(world.Services[0])),
            C("service", IsSet), C("service", IsNotSet),
            C("customer_kind", Is, "internal"), C("customer_kind", IsNot, "internal"),
            C("customer_language", Is, "en"), C("customer_language", Is, "EN-gb", "cy"), C("customer_language", IsNot, "en"),
            C("customer_language", Is, "none"), C("customer_language", IsSet), C("customer_language", IsNotSet),
            C("tags", IncludesAny, "vip"), C("tags", IncludesAny, "VIP", "Billing"), C("tags", IncludesAll, "vip", "refund"),
            C("tags", IncludesAll, "Urgent Follow-up"), C("tags", IncludesNone, "refund"), C("tags", IncludesNone, "vip", "billing", "lang:cy"),
            C("subject", Contains, "refund"), C("subject", Contains, "café"), C("subject", Contains, "DÉJÀ"), C("subject", Contains, "50%"),
            C("subject", Contains, "off_sale"), C("subject", Contains, "parcel", "LOGIN"), C("subject", NotContains, "invoice"),
            C("created_at", Before, "7d"), C("created_at", After, "12d"), C("created_at", Before, dayAgo), C("created_at", After, weekAgoInParis),
            C("created_at", OlderThan, "2w"), C("created_at", NewerThan, "3d"),
            C("updated_at", NewerThan, "36h"), C("updated_at", OlderThan, "10d"), C("updated_at", Before, weekAgoInParis), C("updated_at", After, "1w"),
        ];
        foreach (var condition in singles) yield return (new ConditionSet { All = [condition] }, false);

        yield return (ConditionSet.Empty, true);
        yield return (new ConditionSet { All = [C("priority", AtLeast, "low")] }, true);
        yield return (new ConditionSet { All = [C("status", IsNot, "open"), C("priority", AtLeast, "high")] }, false);
        yield return (new ConditionSet { Any = [C("tags", IncludesAny, "vip"), C("assignee", Is, "me")] }, false);
        yield return (new ConditionSet
        {
            All = [C("team", IsSet), C("created_at", NewerThan, "20d")],
            Any = [C("customer_kind", Is, "internal"), C("subject", Contains, "refund"), C("organisation", IsNotSet)],
        }, false);
    }
}

using System.Globalization;
using System.Linq.Expressions;
using Rapport.Features.Customers;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;

namespace Rapport.Features.Conditions;

/// <summary>
/// The fields a ticket condition can test, one entry each. Each entry's selector is the only
/// place that says where the value lives: SQL reads it through the selector, and the snapshot
/// (<see cref="TicketFacts"/>) is filled by running the same selector on a loaded ticket.
/// A new field is one new entry here.
/// </summary>
public static class TicketFields
{
    public static readonly IReadOnlyList<TicketField> All =
    [
        Choice("status", t => t.Status),
        new OrderedField<Priority>("priority", t => t.Priority),
        Choice("type", t => t.Type),
        Choice("channel", t => t.Channel),
        Reference("team", t => t.TeamId, "a team id"),
        new ValueField<Guid?>("assignee", t => t.AssigneeId, UserId, "a user id", me: context => context.UserId),
        Reference("requester", t => t.RequesterId, "a customer id", optional: false),
        Reference("organisation", t => t.OrganisationId, "an organisation id"),
        new ValueField<string?>("organisation_tier", t => t.Organisation == null ? null : t.Organisation.Tier, Tier, "a tier name (gold, public_sector…)"),
        Reference("service", t => t.ServiceId, "a service id"),
        Choice("customer_kind", t => t.Requester.Kind),
        new ValueField<string?>("customer_language", t => t.Requester.PreferredLanguage, Language, "a language tag (en, cy, fr-CA…)"),
        new TagsField("tags", t => t.Tags.Select(tag => tag.Name)),
        new TextField("subject", t => t.Subject, TicketLimits.SubjectLength),
        new TimeField("created_at", t => t.CreatedAt),
        new TimeField("updated_at", t => t.UpdatedAt),
    ];

    private static readonly Dictionary<string, TicketField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static string Names { get; } = string.Join(", ", All.Select(f => f.Name));

    public static TicketField? Find(string? name) => name is not null && ByName.TryGetValue(name, out var field) ? field : null;

    private static ValueField<TEnum> Choice<TEnum>(string name, Expression<Func<Ticket, TEnum>> selector) where TEnum : struct, Enum =>
        new(name, selector, SnakeCaseEnumConverter<TEnum>.TryParse, $"one of: {SnakeCaseEnumConverter<TEnum>.Allowed}");

    /// <summary>
    /// An enum the ticket may lack, such as the service tier of a ticket's organisation:
    /// <c>Choice("service_tier", t => t.Organisation == null ? null : t.Organisation.Tier)</c>.
    /// </summary>
    private static ValueField<TEnum?> Choice<TEnum>(string name, Expression<Func<Ticket, TEnum?>> selector) where TEnum : struct, Enum =>
        new(name, selector, OptionalChoice, $"one of: {SnakeCaseEnumConverter<TEnum>.Allowed}");

    private static bool OptionalChoice<TEnum>(string text, out TEnum? value) where TEnum : struct, Enum
    {
        value = SnakeCaseEnumConverter<TEnum>.TryParse(text, out var parsed) ? parsed : null;
        return value is not null;
    }

    /// <summary>A key of another record; a required one (the requester) is widened to nullable, so all ids parse alike.</summary>
    private static ValueField<long?> Reference(string name, Expression<Func<Ticket, long?>> selector, string expected, bool optional = true) =>
        new(name, selector, Id, expected, optional: optional);

    private static bool Id(string text, out long? id)
    {
        id = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : null;
        return id is not null;
    }

    private static bool UserId(string text, out Guid? id)
    {
        id = Guid.TryParse(text, out var parsed) ? parsed : null;
        return id is not null;
    }

    private static bool Language(string text, out string? tag) => (tag = LanguageTag.Normalise(text)) is not null;

    private static bool Tier(string text, out string? tier) => (tier = OrganisationTier.Normalise(text)) is not null;
}

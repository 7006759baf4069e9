using Rapport.Features.Conditions;
using Rapport.Features.Customers;
using Rapport.Features.Tickets;

namespace Rapport.Tests.Conditions;

/// <summary>Tickets in memory, as a rule would see them, for testing the evaluator without a database.</summary>
public static class TicketSamples
{
    public static readonly Guid Agent = Guid.Parse("6f1c2a3e-0000-4000-8000-000000000001");
    public static readonly Guid OtherAgent = Guid.Parse("6f1c2a3e-0000-4000-8000-000000000002");
    public static readonly ConditionContext AsAgent = new(ConditionWorld.Now, Agent);

    /// <summary>Every field set: team 7, the agent assigned, organisation 3, a Welsh-speaking internal requester 10.</summary>
    public static Ticket Busy() => new()
    {
        Number = 1,
        Subject = "Refund for my Café order",
        RequesterId = 10,
        Requester = new Customer { Id = 10, Name = "Ana", Kind = CustomerKind.Internal, PreferredLanguage = "cy" },
        OrganisationId = 3,
        Organisation = new Organisation { Id = 3, Name = "Acme", Tier = "gold" },
        ServiceId = 5,
        Channel = Channel.Email,
        Type = TicketType.Complaint,
        Priority = Priority.High,
        Status = TicketStatus.Open,
        TeamId = 7,
        AssigneeId = Agent,
        Tags = [new TicketTag { Name = "vip" }, new TicketTag { Name = "refund" }],
        CreatedAt = ConditionWorld.Now.AddDays(-3),
        UpdatedAt = ConditionWorld.Now.AddHours(-2),
    };

    /// <summary>Every optional field empty: no team, assignee, organisation, language or tags.</summary>
    public static Ticket Bare() => new()
    {
        Number = 2,
        Subject = "Question",
        RequesterId = 11,
        Requester = new Customer { Id = 11, Name = "Ben", Kind = CustomerKind.External },
        Channel = Channel.Web,
        CreatedAt = ConditionWorld.Now.AddMinutes(-5),
        UpdatedAt = ConditionWorld.Now.AddMinutes(-5),
    };

    public static TicketFacts Facts(Ticket ticket) => TicketFacts.From(ticket);

    public static bool Matches(Ticket ticket, string conditionJson, ConditionContext? context = null) =>
        ConditionSet.FromJson($$"""{"all":[{{conditionJson}}]}""").Matches(Facts(ticket), context ?? AsAgent);
}

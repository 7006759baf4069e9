using Rapport.Features.Tickets;

namespace Rapport.Features.Routing;

/// <summary>
/// How much work a ticket is, as routing and the workload view count it. An agent's load is the
/// sum of the weights of their new and open tickets: low 1, normal 2, high 3, urgent 5, so one
/// urgent ticket weighs more than two normal ones. Pending and on-hold tickets wait on someone
/// else and add no load until they reopen; they still count as the agent's unsolved tickets.
/// </summary>
public static class Workload
{
    /// <summary>Tickets still to be solved: an absent agent's are redistributed, the workload view counts them.</summary>
    public static readonly TicketStatus[] Unsolved = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    /// <summary>Tickets that weigh on an agent now.</summary>
    public static readonly TicketStatus[] Loading = [TicketStatus.New, TicketStatus.Open];

    /// <summary>A ticket due within this time (or overdue) is "breaching" in the workload view.</summary>
    public static readonly TimeSpan BreachingWithin = TimeSpan.FromHours(1);

    public static int Weight(Priority priority) => priority switch
    {
        Priority.Low => 1,
        Priority.Normal => 2,
        Priority.High => 3,
        Priority.Urgent => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    /// <summary>What one ticket adds to its assignee's load.</summary>
    public static int LoadOf(TicketStatus status, Priority priority) => Loading.Contains(status) ? Weight(priority) : 0;

    public static bool IsUnsolved(TicketStatus status) => Unsolved.Contains(status);
}

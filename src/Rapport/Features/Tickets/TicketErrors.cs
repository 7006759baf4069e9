using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

public sealed record TicketNotFound(long Number) : Error(404, "Not found", $"Ticket #{Number} does not exist or is not visible to you.");

public sealed record TransitionRefused(string Reason) : ConflictError(Reason);

public sealed record StaleTicketVersion(long Number) : Error(412, "Precondition failed",
    $"Ticket #{Number} has changed since you read it. Read it again and reapply your change.");

using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

public sealed record NotAComplaint(long Number) : Error(404, "Not found", $"Ticket #{Number} is not a complaint.");

/// <summary>A stage move, a clearing or an answer the procedure does not allow; the detail says why.</summary>
public sealed record ComplaintStepRefused(string Reason) : ConflictError(Reason);

public sealed record ComplaintChangedConcurrently(long Number)
    : ConflictError($"The complaint on ticket #{Number} was changed by someone else at the same time. Read it again and retry.");

public sealed record RootCauseNotFound(string Key) : Error(404, "Not found", $"No root cause has the key '{Key}'.");

public sealed record RootCauseTaken(string What) : ConflictError($"A root cause with this {What} exists already.");

using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

public sealed record AbsenceNotFound(long Id) : Error(404, "Not found", $"Absence {Id} does not exist or is not visible to you.");

public sealed record AbsenceOver(long Id) : ConflictError($"Absence {Id} is over; there is nothing left to cancel.");

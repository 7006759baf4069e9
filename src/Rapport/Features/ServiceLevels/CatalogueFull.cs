using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels;

/// <summary>
/// The offer's catalogues (calendars, services, SLA policies) are read whole, in order, on every list and on
/// every ticket that needs a policy; a fixed ceiling keeps that cheap, and no real organisation comes near it.
/// </summary>
public sealed record CatalogueFull(string What, int Max)
    : ConflictError($"There are already {Max} {What}, the most Rapport keeps. Delete or reuse one instead.");

using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>Also the answer when the customer exists but the caller may not see it, so existence never leaks.</summary>
public sealed record CustomerNotFound(long Id) : Error(404, "Not found", $"Customer {Id} does not exist or is not visible to you.");

public sealed record OrganisationNotFound(long Id) : Error(404, "Not found", $"Organisation {Id} does not exist.");

public sealed record EmailTaken(string Address) : ConflictError($"The email address {Address} already belongs to another customer.");

public sealed record DomainTaken(string Domain) : ConflictError($"The domain {Domain} already belongs to another organisation.");

/// <summary>Two writers raced for the same unique value; the loser is told to look again.</summary>
public sealed record UniqueValueTaken(string What) : ConflictError($"{What} was taken by another request at the same moment. Read it again and retry.");

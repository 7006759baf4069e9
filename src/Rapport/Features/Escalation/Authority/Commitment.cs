using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;
using Rapport.Features.Tickets;

namespace Rapport.Features.Escalation.Authority;

/// <summary>
/// Something promised to a customer on a ticket: a refund, a goodwill credit, compensation, or a delivery date.
/// Within the requester's authority it is approved when recorded; above it, it waits for someone whose role's limit
/// covers it to approve or reject it.
/// </summary>
public sealed class Commitment
{
    public long Id { get; set; }
    public long TicketNumber { get; set; }
    public CommitmentKind Kind { get; set; }
    /// <summary>
    /// What limits are compared with: the amount in hundredths of the currency (see <see cref="Money"/>), or for a
    /// delivery promise the days from the day it was asked to <see cref="PromisedDate"/>.
    /// </summary>
    public long Measure { get; set; }
    public DateOnly? PromisedDate { get; set; }
    public required string Description { get; set; }
    public CommitmentState State { get; set; }
    /// <summary>Approved at once because the requester's own limit covered it.</summary>
    public bool WithinAuthority { get; set; }
    public Guid? RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public Role RequestedByRole { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Why it was approved or rejected (required for a rejection).</summary>
    public string? DecisionReason { get; set; }
    /// <summary>Two people deciding at once: the second finds it decided.</summary>
    public int Version { get; set; }

    internal Ask Ask => new(Kind, Measure);
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.HasKey(c => c.Id);
        commitment.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        commitment.Property(c => c.Description).HasMaxLength(CommitmentLimits.DescriptionLength);
        commitment.Property(c => c.RequestedByName).HasMaxLength(PeopleLimits.NameLength);
        commitment.Property(c => c.DecidedByName).HasMaxLength(PeopleLimits.NameLength);
        commitment.Property(c => c.DecisionReason).HasMaxLength(CommitmentLimits.ReasonLength);
        commitment.Property(c => c.Version).IsConcurrencyToken();
        // A ticket's commitments; the pending requests, oldest first; a person's decisions, newest first.
        commitment.HasIndex(c => new { c.TicketNumber, c.Id });
        commitment.HasIndex(c => new { c.State, c.Id });
        commitment.HasIndex(c => new { c.DecidedById, c.Id });
    }
}

public static class CommitmentLimits
{
    public const int DescriptionLength = 1000;
    public const int ReasonLength = 500;
    /// <summary>Ten years ahead: further is a typing mistake.</summary>
    public const int MaxDaysAhead = 3650;
}

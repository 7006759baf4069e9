using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasKey(t => t.Number);
        ticket.Property(t => t.Number).ValueGeneratedOnAdd();
        ticket.Property(t => t.Subject).HasMaxLength(TicketLimits.SubjectLength);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.HasOne(t => t.Requester).WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Organisation).WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        ticket.HasMany(t => t.Followers).WithOne().HasForeignKey(f => f.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        ticket.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        ticket.HasOne(t => t.Service).WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<ServiceLevels.Policies.SlaPolicy>().WithMany().HasForeignKey(t => t.SlaPolicyId).OnDelete(DeleteBehavior.Restrict);

        // Lists are ordered by (UpdatedAt, Number) and paged by that cursor; each filter the API and
        // the queues offer has an index that leads with it and ends in the cursor columns.
        ticket.HasIndex(t => new { t.UpdatedAt, t.Number });
        ticket.HasIndex(t => new { t.Status, t.UpdatedAt, t.Number });
        ticket.HasIndex(t => new { t.AssigneeId, t.Status, t.UpdatedAt, t.Number });
        ticket.HasIndex(t => new { t.TeamId, t.Status, t.UpdatedAt, t.Number });
        ticket.HasIndex(t => new { t.RequesterId, t.UpdatedAt, t.Number });
        ticket.HasIndex(t => new { t.OrganisationId, t.UpdatedAt, t.Number });
        ticket.HasIndex(t => new { t.Type, t.Status, t.UpdatedAt, t.Number });
        // "Breaching soon" reads tickets with a running clock in due order; the sweep finds what is due to happen.
        ticket.HasIndex(t => new { t.SlaDueAt, t.Number });
        ticket.HasIndex(t => t.EscalationAt);
        ticket.HasIndex(t => t.ServiceId);
        ticket.HasIndex(t => t.SlaPolicyId);
    }
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> tag)
    {
        tag.HasKey(t => new { t.TicketNumber, t.Name });
        tag.Property(t => t.Name).HasMaxLength(TicketLimits.TagLength);
        tag.HasIndex(t => t.Name);
    }
}

internal sealed class TicketCcConfiguration : IEntityTypeConfiguration<TicketCc>
{
    public void Configure(EntityTypeBuilder<TicketCc> cc)
    {
        cc.HasKey(c => new { c.TicketNumber, c.CustomerId });
        cc.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        cc.HasOne<Customers.Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // The visibility filter asks "is this customer copied in on that ticket?".
        cc.HasIndex(c => new { c.CustomerId, c.TicketNumber });
    }
}

internal sealed class TicketFollowerConfiguration : IEntityTypeConfiguration<TicketFollower>
{
    public void Configure(EntityTypeBuilder<TicketFollower> follower)
    {
        follower.HasKey(f => new { f.TicketNumber, f.UserId });
        follower.HasOne<People.User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        follower.HasIndex(f => f.UserId);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.HasKey(m => m.Id);
        message.HasOne(m => m.AuthorUser).WithMany().HasForeignKey(m => m.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        message.HasOne(m => m.AuthorCustomer).WithMany().HasForeignKey(m => m.AuthorCustomerId).OnDelete(DeleteBehavior.SetNull);
        message.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => new { m.TicketNumber, m.Id });
        // Threading: a reply's In-Reply-To and References are looked up here.
        message.Property(m => m.EmailMessageId).HasMaxLength(TicketLimits.EmailMessageIdLength);
        message.HasIndex(m => m.EmailMessageId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(127);
        attachment.Property(a => a.StorageKey).HasMaxLength(128);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.HasIndex(a => a.TicketNumber);
        // Blobs are shared by content; the stale-upload sweep asks whether one is still used.
        attachment.HasIndex(a => a.StorageKey);
    }
}

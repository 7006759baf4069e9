using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.HasKey(a => a.Id);
        audit.Property(a => a.ActorName).HasMaxLength(200);
        audit.Property(a => a.EntityType).HasMaxLength(64);
        audit.Property(a => a.EntityId).HasMaxLength(64);
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.HasIndex(a => new { a.TicketNumber, a.Id });
        audit.HasIndex(a => new { a.CustomerId, a.Id });
        audit.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
    }
}

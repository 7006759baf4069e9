using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Infrastructure.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => r.Id);
        record.Property(r => r.Caller).HasMaxLength(64);
        record.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxLength);
        record.Property(r => r.Request).HasMaxLength(300);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.Property(r => r.ContentType).HasMaxLength(100);
        record.Property(r => r.Location).HasMaxLength(300);
        record.HasIndex(r => new { r.Caller, r.Key }).IsUnique();
        record.HasIndex(r => r.CreatedAt);
    }
}

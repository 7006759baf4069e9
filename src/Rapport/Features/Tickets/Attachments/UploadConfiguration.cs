using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Tickets.Attachments;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> upload)
    {
        upload.HasKey(u => u.Id);
        upload.Property(u => u.Token).HasMaxLength(64);
        upload.Property(u => u.FileName).HasMaxLength(255);
        upload.Property(u => u.ContentType).HasMaxLength(127);
        upload.Property(u => u.StorageKey).HasMaxLength(128);
        upload.Property(u => u.Sha256).HasMaxLength(64);
        upload.HasIndex(u => u.Token).IsUnique();
        upload.HasIndex(u => u.CreatedAt);
        upload.HasOne<People.User>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Access;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Prefix).HasMaxLength(16);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

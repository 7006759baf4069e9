using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.Customers;
using Rapport.Features.Routing;

namespace Rapport.Features.People;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.HasOne<Customer>().WithMany().HasForeignKey(u => u.CustomerId).OnDelete(DeleteBehavior.SetNull);
        // Identity's own index on the normalised email is not unique; sign-in by email needs it to be.
        user.HasIndex(u => u.NormalizedEmail, "EmailIndex").IsUnique();
        user.HasIndex(u => u.CustomerId);
        user.HasIndex(u => new { u.Role, u.DisplayName });
        // Existing rows take the default when the column is added.
        user.Property(u => u.Availability).HasDefaultValue(Availability.Available);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.HasKey(t => t.Id);
        team.Property(t => t.Name).HasMaxLength(100);
        team.Property(t => t.Aim).HasMaxLength(1000);
        team.HasIndex(t => t.Name).IsUnique();
        team.Property(t => t.AssignmentMethod).HasDefaultValue(AssignmentMethod.Manual);
        team.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.HasKey(m => new { m.TeamId, m.UserId });
        member.HasOne(m => m.User).WithMany(u => u.Teams).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.UserId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Tickets.Views.Saved;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> view)
    {
        view.HasKey(v => v.Id);
        view.Ignore(v => v.Sort);
        view.Property(v => v.Name).HasMaxLength(SavedViewInput.NameLength);
        view.Property(v => v.Conditions).HasMaxLength(20_000);
        view.Property(v => v.Columns).HasMaxLength(400);
        // A person's or a team's views go with them.
        view.HasOne<User>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        view.HasOne(v => v.Team).WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.Cascade);
        // The rail reads each group in order: mine, my teams', the shared ones.
        view.HasIndex(v => new { v.OwnerId, v.Position });
        view.HasIndex(v => new { v.TeamId, v.Position });
        view.HasIndex(v => new { v.Scope, v.Position });
    }
}

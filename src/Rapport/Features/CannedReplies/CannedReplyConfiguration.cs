using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.CannedReplies;

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> reply)
    {
        reply.HasKey(r => r.Id);
        reply.Property(r => r.Title).HasMaxLength(CannedReplyLimits.TitleLength);
        reply.Property(r => r.Body).HasMaxLength(CannedReplyLimits.BodyLength);
        reply.Property(r => r.Language).HasMaxLength(35);
        reply.Property(r => r.AddTags).HasMaxLength(CannedReplyLimits.TagsLength);
        reply.HasOne<User>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
        reply.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
        reply.HasOne<Team>().WithMany().HasForeignKey(r => r.SetTeamId).OnDelete(DeleteBehavior.SetNull);
        // One index per way a reply is visible (shared, an owner's, a team's). The list ORs the three and sorts by
        // title: fine for the hundreds of replies a helpdesk keeps, and these indexes serve each branch should it grow.
        reply.HasIndex(r => new { r.Scope, r.Title, r.Id });
        reply.HasIndex(r => new { r.OwnerId, r.Title, r.Id });
        reply.HasIndex(r => new { r.TeamId, r.Title, r.Id });
        reply.HasIndex(r => r.SetTeamId);
    }
}

public static class CannedReplyLimits
{
    public const int TitleLength = 120;
    public const int BodyLength = 20_000;
    public const int MaxTags = 20;
    public const int TagsLength = MaxTags * 65;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Knowledge;

public static class KbLimits
{
    public const int NameLength = 100;
    public const int DescriptionLength = 500;
    public const int TitleLength = 200;
    public const int BodyLength = 100_000;
    public const int LanguageLength = 35;
}

internal sealed class KbCategoryConfiguration : IEntityTypeConfiguration<KbCategory>
{
    public void Configure(EntityTypeBuilder<KbCategory> category)
    {
        category.HasKey(c => c.Id);
        category.Property(c => c.Name).HasMaxLength(KbLimits.NameLength);
        category.Property(c => c.Description).HasMaxLength(KbLimits.DescriptionLength);
        category.HasIndex(c => new { c.Position, c.Id });
    }
}

internal sealed class KbSectionConfiguration : IEntityTypeConfiguration<KbSection>
{
    public void Configure(EntityTypeBuilder<KbSection> section)
    {
        section.HasKey(s => s.Id);
        section.Property(s => s.Name).HasMaxLength(KbLimits.NameLength);
        section.Property(s => s.Description).HasMaxLength(KbLimits.DescriptionLength);
        // A category with sections is not deleted (the use case refuses), so articles never lose their place silently.
        section.HasOne<KbCategory>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
        section.HasIndex(s => new { s.CategoryId, s.Position, s.Id });
    }
}

internal sealed class KbArticleConfiguration : IEntityTypeConfiguration<KbArticle>
{
    public void Configure(EntityTypeBuilder<KbArticle> article)
    {
        article.HasKey(a => a.Id);
        article.Property(a => a.Language).HasMaxLength(KbLimits.LanguageLength);
        article.Property(a => a.Title).HasMaxLength(KbLimits.TitleLength);
        article.Property(a => a.Body).HasMaxLength(KbLimits.BodyLength);
        article.HasOne<KbSection>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        article.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        article.HasIndex(a => new { a.TranslationGroup, a.Language }).IsUnique();
        // The staff list (by section, newest first) and the help centre's (published public ones of a section).
        article.HasIndex(a => new { a.SectionId, a.UpdatedAt, a.Id });
        article.HasIndex(a => new { a.SectionId, a.Status, a.Visibility, a.Title });
        article.HasIndex(a => new { a.UpdatedAt, a.Id });
        article.HasIndex(a => new { a.OwnerId, a.UpdatedAt });
        article.HasIndex(a => a.ReviewBy);
    }
}

internal sealed class KbArticleVersionConfiguration : IEntityTypeConfiguration<KbArticleVersion>
{
    public void Configure(EntityTypeBuilder<KbArticleVersion> version)
    {
        version.HasKey(v => v.Id);
        version.Property(v => v.Title).HasMaxLength(KbLimits.TitleLength);
        version.Property(v => v.Body).HasMaxLength(KbLimits.BodyLength);
        version.Property(v => v.AuthorName).HasMaxLength(200);
        version.HasOne<KbArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        version.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
    }
}

internal sealed class KbVoteConfiguration : IEntityTypeConfiguration<KbVote>
{
    public void Configure(EntityTypeBuilder<KbVote> vote)
    {
        vote.HasKey(v => v.Id);
        vote.Property(v => v.VoterKey).HasMaxLength(80);
        vote.HasOne<KbArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        vote.HasIndex(v => new { v.ArticleId, v.VoterKey }).IsUnique();
        vote.HasIndex(v => new { v.ArticleId, v.Helpful });
    }
}

internal sealed class KbReaderStepConfiguration : IEntityTypeConfiguration<KbReaderStep>
{
    public void Configure(EntityTypeBuilder<KbReaderStep> step)
    {
        step.HasKey(s => new { s.ArticleId, s.ReaderKey, s.Step });
        step.Property(s => s.ReaderKey).HasMaxLength(80);
        step.HasOne<KbArticle>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KbArticleCountersConfiguration : IEntityTypeConfiguration<KbArticleCounters>
{
    public void Configure(EntityTypeBuilder<KbArticleCounters> counters)
    {
        counters.HasKey(c => c.ArticleId);
        counters.HasOne<KbArticle>().WithOne().HasForeignKey<KbArticleCounters>(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Email.Templates;

/// <summary>An admin's own text for one mail in one language; it wins over the built-in text. Deleting it resets to the default.</summary>
public sealed class MailTemplateOverride
{
    public long Id { get; set; }
    public required string Key { get; set; }
    /// <summary>A BCP 47 tag in its conventional case: "de", "de-AT".</summary>
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class MailTemplateOverrideConfiguration : IEntityTypeConfiguration<MailTemplateOverride>
{
    public void Configure(EntityTypeBuilder<MailTemplateOverride> template)
    {
        template.HasKey(t => t.Id);
        template.Property(t => t.Key).HasMaxLength(MailTemplateLimits.KeyLength);
        template.Property(t => t.Language).HasMaxLength(MailTemplateLimits.LanguageLength);
        template.Property(t => t.Subject).HasMaxLength(MailTemplateLimits.SubjectLength);
        template.Property(t => t.TextBody).HasMaxLength(MailTemplateLimits.BodyLength);
        template.Property(t => t.HtmlBody).HasMaxLength(MailTemplateLimits.BodyLength);
        template.HasIndex(t => new { t.Key, t.Language }).IsUnique();
    }
}

public static class MailTemplateLimits
{
    public const int KeyLength = 64;
    public const int LanguageLength = 35;
    public const int SubjectLength = 250;
    public const int BodyLength = 20_000;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Tone;

internal sealed class TonePhraseConfiguration : IEntityTypeConfiguration<TonePhrase>
{
    public void Configure(EntityTypeBuilder<TonePhrase> phrase)
    {
        phrase.HasKey(p => p.Id);
        phrase.Property(p => p.Language).HasMaxLength(ToneLimits.LanguageLength);
        phrase.Property(p => p.Phrase).HasMaxLength(ToneLimits.PhraseLength);
        phrase.Property(p => p.Suggestion).HasMaxLength(ToneLimits.SuggestionLength);
        phrase.HasIndex(p => new { p.Language, p.Position });
    }
}

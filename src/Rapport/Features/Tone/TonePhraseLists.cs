using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tone;

public sealed record TonePhraseListDto(string Language, bool IsDefault, IReadOnlyList<PhraseAdvice> Phrases);

public sealed record PhraseAdviceRequest(string? Phrase, string? Suggestion);

public sealed record TonePhraseListRequest(IReadOnlyList<PhraseAdviceRequest?>? Phrases);

/// <summary>
/// Each language's phrase list: Rapport's own (<see cref="DefaultTonePhrases"/>) until an admin saves one, then theirs.
/// Lists are per language, not per region: "de-AT" reads the "de" list.
/// </summary>
public sealed class TonePhraseLists(RapportDbContext db, AuditLog audit)
{
    /// <summary>"de-AT" → "de"; null when it is not a language tag or names no language (private use "x-…").</summary>
    public static string? ListLanguage(string? tag) =>
        tag is null || LanguageTag.Normalise(tag) is not { } normal || normal.Split('-')[0] is not { Length: >= 2 } language ? null : language;

    public async Task<Result<TonePhraseListDto>> ReadAsync(string tag, CancellationToken ct)
    {
        if (ListLanguage(tag) is not { } language) return ValidationError.For("language", $"'{tag}' is not a language tag such as en or de.");
        var saved = await SavedAsync(language, ct);
        return saved.Count > 0
            ? new TonePhraseListDto(language, false, saved)
            : new TonePhraseListDto(language, true, DefaultTonePhrases.For(language) ?? []);
    }

    /// <summary>The phrases to check a draft in this language against (none for a language without a list).</summary>
    public async Task<IReadOnlyList<PhraseAdvice>> ForDraftAsync(string language, CancellationToken ct)
    {
        var saved = await SavedAsync(language, ct);
        return saved.Count > 0 ? saved : DefaultTonePhrases.For(language) ?? [];
    }

    public async Task<Result<TonePhraseListDto>> SaveAsync(string tag, TonePhraseListRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        var language = ListLanguage(tag);
        if (language is null) check.Add("language", $"'{tag}' is not a language tag such as en or de.");
        var phrases = request.Phrases ?? [];
        if (request.Phrases is null) check.Add("phrases", "Give the list (an empty list keeps no phrases for this language).");
        if (phrases.Count > ToneLimits.MaxPhrases) check.Add("phrases", $"At most {ToneLimits.MaxPhrases} phrases a language.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < phrases.Count && i < ToneLimits.MaxPhrases; i++)
        {
            var field = $"phrases[{i}]";
            check.Required($"{field}.phrase", phrases[i]?.Phrase, ToneLimits.PhraseLength)
                .Required($"{field}.suggestion", phrases[i]?.Suggestion, ToneLimits.SuggestionLength);
            if (phrases[i]?.Phrase is { } phrase && !string.IsNullOrWhiteSpace(phrase) && !seen.Add(Collapse(phrase)))
                check.Add($"{field}.phrase", $"\"{phrase.Trim()}\" is already in the list.");
        }
        if (!check.IsValid) return check.ToError();

        var before = await SavedAsync(language!, ct);
        await db.InTransactionAsync(async () =>
        {
            await db.TonePhrases.Where(p => p.Language == language).ExecuteDeleteAsync(ct);
            for (var i = 0; i < phrases.Count; i++)
                db.TonePhrases.Add(new TonePhrase { Language = language!, Position = i, Phrase = Collapse(phrases[i]!.Phrase!), Suggestion = phrases[i]!.Suggestion!.Trim() });
            audit.Record(actor, "tone_phrases", language!, "saved",
                new AuditChanges().Set("phrases", before.Count == 0 ? null : before.Select(p => p.Phrase), phrases.Select(p => Collapse(p!.Phrase!))));
            return await db.SaveChangesAsync(ct);
        }, ct);
        return (await ReadAsync(language!, ct)).Value!;
    }

    /// <summary>Back to Rapport's own list for the language.</summary>
    public async Task<Result<TonePhraseListDto>> ResetAsync(string tag, Actor actor, CancellationToken ct)
    {
        if (ListLanguage(tag) is not { } language) return ValidationError.For("language", $"'{tag}' is not a language tag such as en or de.");
        await db.InTransactionAsync(async () =>
        {
            var removed = await db.TonePhrases.Where(p => p.Language == language).ExecuteDeleteAsync(ct);
            if (removed > 0) audit.Record(actor, "tone_phrases", language, "reset", new AuditChanges().Set("phrases", removed, null));
            return await db.SaveChangesAsync(ct);
        }, ct);
        return (await ReadAsync(language, ct)).Value!;
    }

    private async Task<IReadOnlyList<PhraseAdvice>> SavedAsync(string language, CancellationToken ct) =>
        await db.TonePhrases.AsNoTracking().Where(p => p.Language == language).OrderBy(p => p.Position)
            .Select(p => new PhraseAdvice(p.Phrase, p.Suggestion)).ToListAsync(ct);

    private static string Collapse(string phrase) => string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

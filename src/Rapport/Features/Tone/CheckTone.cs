using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tone;

public sealed record ToneCheckRequest(string? Text, string? Language);

public sealed record ToneCheckDto(string Language, IReadOnlyList<ToneFinding> Findings);

/// <summary>Checks a reply draft in a language (by default the ticket requester's, else English).</summary>
public sealed class CheckTone(RapportDbContext db, TonePhraseLists lists)
{
    public const string DefaultLanguage = "en";

    public async Task<Result<ToneCheckDto>> ExecuteAsync(ToneCheckRequest request, CancellationToken ct)
    {
        var check = new Validator().Text("text", request.Text, ToneLimits.MaxDraftLength, multiline: true);
        var language = request.Language is null ? DefaultLanguage : TonePhraseLists.ListLanguage(request.Language);
        if (language is null) check.Add("language", $"'{request.Language}' is not a language tag such as en or de.");
        if (!check.IsValid) return check.ToError();
        return await ReviewAsync(request.Text ?? "", language!, ct);
    }

    /// <summary>The draft of a reply on this ticket, in its requester's language; null when the actor cannot see it.</summary>
    public async Task<ToneCheckDto?> ForTicketAsync(long number, string draft, Actor actor, CancellationToken ct)
    {
        var found = await db.Tickets.VisibleTo(actor, db).Where(t => t.Number == number)
            .Select(t => new { t.Requester.PreferredLanguage }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var text = draft.Length > ToneLimits.MaxDraftLength ? draft[..ToneLimits.MaxDraftLength] : draft;
        return await ReviewAsync(text, TonePhraseLists.ListLanguage(found.PreferredLanguage) ?? DefaultLanguage, ct);
    }

    private async Task<ToneCheckDto> ReviewAsync(string text, string language, CancellationToken ct) =>
        new(language, string.IsNullOrWhiteSpace(text) ? [] : ToneCheck.Review(text, language, await lists.ForDraftAsync(language, ct)));
}

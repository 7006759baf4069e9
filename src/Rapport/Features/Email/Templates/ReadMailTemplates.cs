using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Templates;

/// <summary>The mail templates as admins see them: every mail in every language it has a text in.</summary>
public sealed class ReadMailTemplates(RapportDbContext db, MailTemplateBook book)
{
    /// <summary>Each mail in the built-in languages and in any language an admin added, mail by mail, then by language.</summary>
    public async Task<List<MailTemplateSummaryDto>> ListAsync(CancellationToken ct)
    {
        var stored = await db.MailTemplateOverrides.AsNoTracking().Select(t => new { t.Key, t.Language }).ToListAsync(ct);
        var rows = new List<MailTemplateSummaryDto>();
        foreach (var kind in MailTemplateKinds.All)
        {
            var languages = DefaultMailTemplates.Languages.Concat(stored.Where(s => s.Key == kind.Key).Select(s => s.Language))
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(l => l, StringComparer.Ordinal);
            rows.AddRange(languages.Select(language => new MailTemplateSummaryDto(kind.Key, kind.Title, kind.Audience, language,
                stored.Any(s => s.Key == kind.Key && s.Language == language), DefaultMailTemplates.Find(kind.Key, language) is not null)));
        }
        return rows;
    }

    public async Task<Result<MailTemplateDto>> GetAsync(string key, string language, CancellationToken ct)
    {
        var address = MailTemplateBook.Address(key, language);
        if (!address.Succeeded) return address.Error!;
        var (kind, tag) = address.Value;
        return await book.FindExactAsync(kind, tag, ct) is { } found
            ? ToDto(kind, tag, found.Text, found.Stored)
            : new MailTemplateLanguageNotFound(kind.Key, tag);
    }

    internal static MailTemplateDto ToDto(MailTemplateKind kind, string language, MailTemplateText text, MailTemplateOverride? stored) =>
        new(kind.Key, kind.Title, kind.Audience, kind.Description, language, text.Subject, text.TextBody, text.HtmlBody,
            stored is not null, DefaultMailTemplates.Find(kind.Key, language) is not null, stored?.UpdatedAt,
            [.. kind.Vocabulary.Placeholders.Select(p => new PlaceholderDto(p.Name, p.Description, p.IsHtml))]);
}

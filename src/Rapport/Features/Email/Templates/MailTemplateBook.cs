using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Templates;

/// <summary>A template chosen for a recipient: the language it is in, whether an admin wrote it, and its parsed parts.</summary>
public sealed record ChosenMailTemplate(MailTemplateKind Kind, string Language, bool Overridden, MailTemplateText Text, ParsedMailTemplate Parsed);

/// <summary>
/// Finds the template for a mail and a language: an admin's override wins over the built-in text in the same
/// language, and languages are tried as <see cref="MailLanguages"/> orders them (de-AT, de, the default, en). One
/// query reads the overrides of every candidate language. A stored override that no longer parses (a placeholder
/// removed in a newer version) is passed over, so the mail still goes out with the next text in line.
/// </summary>
public sealed class MailTemplateBook(RapportDbContext db, IOptions<MailTemplateOptions> options, ParsedMailTemplates parsed, ILogger<MailTemplateBook> logger)
{
    public async Task<ChosenMailTemplate> ChooseAsync(MailTemplateKind kind, string? language, CancellationToken ct)
    {
        var candidates = MailLanguages.Candidates(language, options.Value.DefaultLanguage);
        var overrides = await db.MailTemplateOverrides.AsNoTracking()
            .Where(t => t.Key == kind.Key && candidates.Contains(t.Language)).ToListAsync(ct);
        foreach (var candidate in candidates)
        {
            if (overrides.FirstOrDefault(o => o.Language.Equals(candidate, StringComparison.OrdinalIgnoreCase)) is { } stored)
            {
                var text = new MailTemplateText(stored.Subject, stored.TextBody, stored.HtmlBody);
                if (parsed.Get(kind, text) is { } template) return new ChosenMailTemplate(kind, stored.Language, true, text, template);
                logger.LogWarning("The {Key} mail template for {Language} no longer parses; the next language's text is used.", kind.Key, stored.Language);
            }
            if (DefaultMailTemplates.Find(kind.Key, candidate) is { } builtIn)
                return new ChosenMailTemplate(kind, candidate, false, builtIn, parsed.Get(kind, builtIn)!);
        }
        throw new InvalidOperationException($"No English text for the {kind.Key} mail.");
    }

    /// <summary>The template in exactly this language (the override, else the built-in text), or null when it has neither.</summary>
    public async Task<(MailTemplateText Text, MailTemplateOverride? Stored)?> FindExactAsync(MailTemplateKind kind, string language, CancellationToken ct)
    {
        var stored = await db.MailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(t => t.Key == kind.Key && t.Language == language, ct);
        if (stored is not null) return (new MailTemplateText(stored.Subject, stored.TextBody, stored.HtmlBody), stored);
        return DefaultMailTemplates.Find(kind.Key, language) is { } builtIn ? (builtIn, null) : null;
    }

    /// <summary>The kind named by the key and the language tag in its conventional case, or what is wrong with them.</summary>
    public static Result<(MailTemplateKind Kind, string Language)> Address(string key, string language)
    {
        if (MailTemplateKinds.Find(key) is not { } kind) return new MailTemplateNotFound(key);
        if (Customers.LanguageTag.Normalise(language) is not { } tag) return ValidationError.For("language", "Must be a language tag such as en, de or de-AT.");
        return (kind, tag);
    }
}

/// <summary>Templates parsed once and kept: rendering runs for every outgoing mail, parsing only when a text is new.</summary>
public sealed class ParsedMailTemplates
{
    private const int Kept = 512;
    private readonly ConcurrentDictionary<(string Key, MailTemplateText Text), ParsedMailTemplate?> _parsed = new();

    public ParsedMailTemplate? Get(MailTemplateKind kind, MailTemplateText text)
    {
        if (_parsed.TryGetValue((kind.Key, text), out var known)) return known;
        // Old texts are not worth tracking one by one: overrides change rarely, so start afresh when full.
        if (_parsed.Count >= Kept) _parsed.Clear();
        return _parsed.GetOrAdd((kind.Key, text), _ => MailTemplateInput.Parse(kind, text.Subject, text.TextBody, text.HtmlBody, new Validator()));
    }
}

public sealed record MailTemplateNotFound(string Key) : Error(404, "Not found", $"No mail has the key '{Key}'.");

public sealed record MailTemplateLanguageNotFound(string Key, string Language)
    : Error(404, "Not found", $"The {Key} mail has no text in '{Language}' yet; create one with PUT.");

public sealed record NothingToReset(string Key, string Language)
    : Error(404, "Not found", $"The {Key} mail in '{Language}' has no changes to reset.");

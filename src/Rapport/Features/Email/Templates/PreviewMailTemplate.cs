using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Templates;

/// <summary>
/// Renders a template as it would go out: the stored text for the language (or the edit sent with the request), filled
/// from sample data or from a ticket the admin may see, in that language. Problems in an edited text are named by
/// field, as saving would name them.
/// </summary>
public sealed class PreviewMailTemplate(RapportDbContext db, MailTemplateBook book, RenderMail render)
{
    public async Task<Result<RenderedMail>> ExecuteAsync(string key, string language, MailPreviewRequest request, Actor actor, CancellationToken ct)
    {
        var address = MailTemplateBook.Address(key, language);
        if (!address.Succeeded) return address.Error!;
        var (kind, tag) = address.Value;

        var stored = (await book.FindExactAsync(kind, tag, ct))?.Text ?? (await book.ChooseAsync(kind, tag, ct)).Text;
        var check = new Validator();
        var text = new MailTemplateRequest(request.Subject ?? stored.Subject, request.TextBody ?? stored.TextBody, request.HtmlBody ?? stored.HtmlBody);
        var parsed = MailTemplateInput.Check(kind, text, check).IsValid ? MailTemplateInput.Parse(kind, text.Subject!, text.TextBody!, text.HtmlBody!, check) : null;
        if (parsed is null) return check.ToError();

        var facts = MailFacts.Sample(tag, actor.Name);
        if (request.TicketNumber is { } number)
        {
            if (await MailFacts.LoadAsync(db.Tickets.VisibleTo(actor, db), db, number, ct) is not { } real) return new TicketNotFound(number);
            var latest = await db.Messages.AsNoTracking().Where(m => m.TicketNumber == number && m.Visibility == MessageVisibility.Public)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => new { m.BodyText, m.BodyHtml }).FirstOrDefaultAsync(ct);
            facts = real with
            {
                AgentName = real.AgentName ?? actor.Name,
                ReplyText = latest?.BodyText ?? facts.ReplyText,
                ReplyHtml = latest?.BodyHtml ?? facts.ReplyHtml,
            };
        }
        return render.Render(parsed, kind, facts, tag, null);
    }
}

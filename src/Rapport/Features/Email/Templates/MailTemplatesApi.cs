using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Templates;

/// <summary>
/// Mail templates (C15): the text of every mail Rapport sends, per language, with placeholders. Built-in texts ship in
/// English and German; admins override them per language, reset them, and preview them with sample data or a real ticket.
/// </summary>
public static class MailTemplatesApi
{
    public static IHostApplicationBuilder AddMailTemplates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailTemplateOptions>().BindConfiguration(MailTemplateOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailTemplateOptions>, MailTemplateOptionsValidator>();
        builder.Services.AddSingleton<ParsedMailTemplates>()
            .AddScoped<MailTemplateBook>().AddScoped<ReadMailTemplates>().AddScoped<SaveMailTemplate>().AddScoped<ResetMailTemplate>()
            .AddScoped<PreviewMailTemplate>().AddScoped<RenderMail>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMailTemplates(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/mail-templates").WithTags("Mail templates").RequireAuthorization(Policies.Admins);
        templates.MapGet("/", ListAsync).WithName("ListMailTemplates")
            .WithSummary("Every mail in every language it has a text in, and whether an admin changed the built-in text");
        templates.MapGet("/{key}/{language}", GetAsync).WithName("GetMailTemplate")
            .WithSummary("A mail's text in one language, with the placeholders it may use");
        templates.MapPut("/{key}/{language}", PutAsync).WithName("PutMailTemplate")
            .WithSummary("Replace a mail's text in one language (subject, textBody, htmlBody); unknown placeholders are named by field")
            .WithJsonBodyLimit();
        templates.MapDelete("/{key}/{language}", DeleteAsync).WithName("ResetMailTemplate")
            .WithSummary("Reset a mail's text in one language to the built-in one");
        templates.MapPost("/{key}/{language}/preview", PreviewAsync).WithName("PreviewMailTemplate")
            .WithSummary("Render the mail with sample data, or with a ticket's; parts sent in the body replace the stored ones")
            .WithJsonBodyLimit();
        return app;
    }

    private static async Task<Ok<List<MailTemplateSummaryDto>>> ListAsync(ReadMailTemplates read, CancellationToken ct) =>
        TypedResults.Ok(await read.ListAsync(ct));

    private static async Task<Results<Ok<MailTemplateDto>, ProblemHttpResult>> GetAsync(string key, string language, ReadMailTemplates read, CancellationToken ct) =>
        (await read.GetAsync(key, language, ct)).ToOk();

    private static async Task<Results<Ok<MailTemplateDto>, Created<MailTemplateDto>, ProblemHttpResult>> PutAsync(
        string key, string language, MailTemplateRequest request, SaveMailTemplate save, ReadMailTemplates read, HttpContext http, CancellationToken ct)
    {
        var saved = await save.ExecuteAsync(key, language, request, Actor.FromPrincipal(http.User), ct);
        if (!saved.Succeeded) return saved.Error!.ToProblem();
        var template = (await read.GetAsync(key, language, ct)).Value!;
        return saved.Value ? TypedResults.Created($"/api/v1/mail-templates/{template.Key}/{template.Language}", template) : TypedResults.Ok(template);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string key, string language, ResetMailTemplate reset, HttpContext http, CancellationToken ct)
    {
        var done = await reset.ExecuteAsync(key, language, Actor.FromPrincipal(http.User), ct);
        return done.Succeeded ? TypedResults.NoContent() : done.Error!.ToProblem();
    }

    private static async Task<Results<Ok<RenderedMail>, ProblemHttpResult>> PreviewAsync(
        string key, string language, MailPreviewRequest request, PreviewMailTemplate preview, HttpContext http, CancellationToken ct) =>
        (await preview.ExecuteAsync(key, language, request, Actor.FromPrincipal(http.User), ct)).ToOk();
}

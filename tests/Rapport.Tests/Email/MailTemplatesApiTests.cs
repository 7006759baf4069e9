using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Email.Templates;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.ServiceLevels;

namespace Rapport.Tests.Email;

/// <summary>
/// Admins override, check, preview and reset mail templates. Overrides are per mail and language, so each test
/// writes in a language of its own.
/// </summary>
public class MailTemplatesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Acknowledgement = "/api/v1/mail-templates/ticket_acknowledgement";

    private static object Text(string subject = "Got it [#{{ticket.number}}]", string text = "Hello {{customer.first_name}}, we have {{ticket.subject}}.",
        string html = "<p>Hello {{customer.first_name}}, we have {{ticket.subject}}.</p>") => new { subject, textBody = text, htmlBody = html };

    private static Task<List<(string Action, string EntityId)>> AuditAsync(RapportApp app, string entityId) =>
        app.WithDbAsync(async db => (await db.AuditEvents.Where(e => e.EntityType == "mail_template" && e.EntityId == entityId)
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.EntityId }).ToListAsync()).Select(e => (e.Action, e.EntityId)).ToList());

    [Theory, Providers]
    public async Task TheList_HasEveryMailInEnglishAndGerman(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var list = await (await admin.GetAsync("/api/v1/mail-templates")).ReadAsync<List<MailTemplateSummaryDto>>();
        foreach (var key in new[] { "ticket_acknowledgement", "agent_reply", "agent_assigned", "customer_replied", "agent_mentioned" })
        foreach (var language in new[] { "en", "de" })
            Assert.Contains(list, t => t.Key == key && t.Language == language && t.HasDefault);
        Assert.Equal(MailAudience.Agent, list.First(t => t.Key == "agent_assigned").Audience);
    }

    [Theory, Providers]
    public async Task AnOverride_ReplacesTheText_ShowsInTheList_AndEveryChangeIsAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var created = await (await admin.PutAsJsonAsync($"{Acknowledgement}/FR", Text())).ReadAsync<MailTemplateDto>(HttpStatusCode.Created);
        Assert.Equal(("fr", true, false), (created.Language, created.Overridden, created.HasDefault));

        var updated = await (await admin.PutAsJsonAsync($"{Acknowledgement}/fr", Text(subject: "Bien reçu [#{{ticket.number}}]"))).ReadAsync<MailTemplateDto>();
        Assert.Equal("Bien reçu [#{{ticket.number}}]", updated.Subject);
        Assert.Equal("Bien reçu [#{{ticket.number}}]", (await (await admin.GetAsync($"{Acknowledgement}/fr")).ReadAsync<MailTemplateDto>()).Subject);
        Assert.Contains(await (await admin.GetAsync("/api/v1/mail-templates")).ReadAsync<List<MailTemplateSummaryDto>>(),
            t => t is { Key: "ticket_acknowledgement", Language: "fr", Overridden: true, HasDefault: false });
        Assert.Equal([("overridden", "ticket_acknowledgement/fr"), ("updated", "ticket_acknowledgement/fr")], await AuditAsync(app, "ticket_acknowledgement/fr"));
    }

    [Theory, Providers]
    public async Task UnknownPlaceholdersAndUnclosedSections_AreRefused_NamingTheFieldAndThePlaceholder(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var problem = await (await admin.PutAsJsonAsync($"{Acknowledgement}/it", Text(
            subject: "{{reply.html}}", text: "{{#service}}Within {{service.response_time}}", html: "<p>#{{ticket.numbr}}</p>"))).InvalidAsync("htmlBody");
        var errors = problem["errors"]!.AsObject();
        Assert.Equal("Unknown placeholder {{ticket.numbr}}.", errors["htmlBody"]![0]!.GetValue<string>());
        Assert.Equal("Section {{#service}} is not closed with {{/service}}.", errors["textBody"]![0]!.GetValue<string>());
        Assert.Equal("Unknown placeholder {{reply.html}}.", errors["subject"]![0]!.GetValue<string>());
        await (await admin.PutAsJsonAsync($"{Acknowledgement}/it", new { subject = "Hi" })).InvalidAsync("textBody");
        await (await admin.PutAsJsonAsync($"{Acknowledgement}/not a tag", Text())).InvalidAsync("language");
        await (await admin.PutAsJsonAsync("/api/v1/mail-templates/no_such_mail/en", Text())).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Acknowledgement}/it")).StatusCode);
    }

    [Theory, Providers]
    public async Task Resetting_DeletesTheOverride_SoTheBuiltInTextAppliesAgain_AndIsAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        await (await admin.PutAsJsonAsync("/api/v1/mail-templates/agent_mentioned/de", Text())).ReadAsync<MailTemplateDto>(HttpStatusCode.Created);
        Assert.True((await (await admin.GetAsync("/api/v1/mail-templates/agent_mentioned/de")).ReadAsync<MailTemplateDto>()).Overridden);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/mail-templates/agent_mentioned/de")).StatusCode);
        var reset = await (await admin.GetAsync("/api/v1/mail-templates/agent_mentioned/de")).ReadAsync<MailTemplateDto>();
        Assert.Equal((false, "[#{{ticket.number}}] Sie wurden erwähnt: {{ticket.subject}}"), (reset.Overridden, reset.Subject));
        await (await admin.DeleteAsync("/api/v1/mail-templates/agent_mentioned/de")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["overridden", "reset"], (await AuditAsync(app, "agent_mentioned/de")).Select(e => e.Action));
    }

    [Theory, Providers]
    public async Task APreviewWithARealTicket_TellsTheServicesPromisedResponseTime_InTheTemplatesLanguage(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var calendar = await admin.CreateCalendarAsync();
        var service = await admin.CreateServiceAsync(OfferRequests.NewService(calendarId: calendar.Id));
        var ticket = await (await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Leak <under> the sink & more",
            body = "Water everywhere.",
            requester = new { email = RapportApp.UniqueEmail("mail"), name = "Zoë O'Neill" },
            serviceId = service.Id,
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);

        var english = await (await admin.PostAsJsonAsync($"{Acknowledgement}/en/preview", new { ticketNumber = ticket.Number })).ReadAsync<RenderedMail>();
        Assert.Equal($"We have received your request: Leak <under> the sink & more [#{ticket.Number}]", english.Subject);
        Assert.Contains("Hello Zoë,", english.Text);
        Assert.Contains($"  Service: {service.Name}\n", english.Text);
        Assert.Contains("We aim to answer within 4 working hours.", english.Text);
        Assert.Contains($"http://localhost:5000/portal/requests/{ticket.Number}", english.Text);
        Assert.Contains("<td>Leak &lt;under&gt; the sink &amp; more</td>", english.Html);
        Assert.Contains("We aim to answer within 4 working hours.", english.Html);

        var german = await (await admin.PostAsJsonAsync($"{Acknowledgement}/de/preview", new { ticketNumber = ticket.Number })).ReadAsync<RenderedMail>();
        Assert.Contains("Guten Tag Zoë O&#39;Neill,", german.Html);
        Assert.Contains("Unser Ziel ist eine Antwort innerhalb von 4 Arbeitsstunden.", german.Text);
        Assert.Equal("de", german.Language);

        await (await admin.PostAsJsonAsync($"{Acknowledgement}/en/preview", new { ticketNumber = 987_654_321 })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task APreview_OfAnEdit_UsesSampleData_AndNamesProblemsLikeSavingWould(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var sample = await (await admin.PostAsJsonAsync("/api/v1/mail-templates/agent_reply/en/preview", new
        {
            subject = "Re: {{ ticket.subject }} [#{{ticket.number}}]",
        })).ReadAsync<RenderedMail>();
        Assert.Equal("Re: Boiler makes a banging noise [#1042]", sample.Subject);
        Assert.Contains("An engineer will visit on <strong>Tuesday morning</strong>", sample.Html);
        Assert.Contains("An engineer will visit on Tuesday morning", sample.Text);
        await (await admin.PostAsJsonAsync("/api/v1/mail-templates/agent_reply/en/preview", new { htmlBody = "{{#reply}}" })).InvalidAsync("htmlBody");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/mail-templates/agent_reply/sv")).StatusCode);
    }
}

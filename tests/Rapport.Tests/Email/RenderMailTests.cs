using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Email.Templates;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.ServiceLevels;

namespace Rapport.Tests.Email;

/// <summary>What the sending side gets: a mail about a ticket, rendered for its recipient in the best language there is.</summary>
public class RenderMailTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static Task<Result<RenderedMail>> RenderAsync(RapportApp app, MailToRender mail) =>
        app.WithScopeAsync(services => services.GetRequiredService<RenderMail>().ExecuteAsync(mail, default));

    private static async Task<TicketDto> TicketAsync(HttpClient staff, long? serviceId = null)
    {
        var ticket = await (await staff.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Heizung kalt",
            body = "Seit gestern.",
            requester = new { email = RapportApp.UniqueEmail("render"), name = "Anna Berger" },
            serviceId,
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        return ticket;
    }

    private static Task SetLanguageAsync(RapportApp app, long customerId, string language) =>
        app.WithDbAsync(db => db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(c => c.SetProperty(x => x.PreferredLanguage, language)));

    [Theory, Providers]
    public async Task ACustomerWhoPrefersAustrianGerman_GetsTheGermanAcknowledgement_WithTheServicesPromise(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var service = await manager.CreateServiceAsync(OfferRequests.NewService());
        var ticket = await TicketAsync(manager, service.Id);
        await SetLanguageAsync(app, ticket.Requester.Id, "de-AT");

        var mail = (await RenderAsync(app, new MailToRender(MailTemplateKinds.Acknowledgement, ticket.Number, MailboxName: "Hausverwaltung"))).Value!;
        Assert.Equal("de", mail.Language);
        Assert.Equal($"Ihre Anfrage ist bei uns eingegangen: Heizung kalt [#{ticket.Number}]", mail.Subject);
        Assert.Contains("Guten Tag Anna Berger,", mail.Text);
        Assert.Contains("Unser Ziel ist eine Antwort innerhalb von 4 Stunden.", mail.Text);
        Assert.EndsWith("Mit freundlichen Grüßen\nHausverwaltung", mail.Text);
    }

    [Theory, Providers]
    public async Task WithoutAServicePromise_TheFirstResponseTargetOfTheTicketsPolicyIsTold(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var tag = "mail-" + Guid.NewGuid().ToString("N")[..8];
        var calendar = await manager.CreateCalendarAsync();
        await manager.CreatePolicyAsync(OfferRequests.NewPolicy(calendarId: calendar.Id,
            conditions: new { all = new[] { new { field = "tags", @operator = "includes_any", value = (object)new[] { tag } } } }));
        var ticket = await (await manager.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Invoice", body = "Wrong amount.", tags = new[] { tag },
            requester = new { email = RapportApp.UniqueEmail("policy"), name = "Ann" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);

        var english = (await RenderAsync(app, new MailToRender(MailTemplateKinds.Acknowledgement, ticket.Number, "en"))).Value!;
        Assert.Contains("We aim to answer within 1 working hour.", english.Text);
        Assert.DoesNotContain("Service:", english.Text);
        var german = (await RenderAsync(app, new MailToRender(MailTemplateKinds.Acknowledgement, ticket.Number, "de"))).Value!;
        Assert.Contains("Unser Ziel ist eine Antwort innerhalb von 1 Arbeitsstunde.", german.Text);
    }

    [Theory, Providers]
    public async Task AnOverrideInTheRecipientsExactLanguage_WinsOverTheBuiltInText(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var ticket = await TicketAsync(admin);
        await SetLanguageAsync(app, ticket.Requester.Id, "de-CH");
        await (await admin.PutAsJsonAsync("/api/v1/mail-templates/ticket_acknowledgement/de-CH", new
        {
            subject = "Grüezi {{customer.first_name}} [#{{ticket.number}}]", textBody = "Merci.", htmlBody = "<p>Merci.</p>",
        })).ReadAsync<MailTemplateDto>(HttpStatusCode.Created);

        var mail = (await RenderAsync(app, new MailToRender(MailTemplateKinds.Acknowledgement, ticket.Number))).Value!;
        Assert.Equal(("de-CH", $"Grüezi Anna [#{ticket.Number}]", "Merci."), (mail.Language, mail.Subject, mail.Text));
    }

    [Theory, Providers]
    public async Task AnAgentsReply_CarriesTheSanitisedReply_TheAuthor_AndTheTicketReference(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await TicketAsync(agent);
        var reply = await (await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new
        {
            body = "We will **come** on Tuesday. <script>alert(1)</script>",
            visibility = "public",
        })).ReadAsync<MessageDto>(HttpStatusCode.Created);

        var mail = (await RenderAsync(app, new MailToRender(MailTemplateKinds.AgentReply, ticket.Number, "en", reply.Id))).Value!;
        Assert.Equal($"Re: Heizung kalt [#{ticket.Number}]", mail.Subject);
        Assert.Contains("<strong>come</strong>", mail.Html);
        Assert.DoesNotContain("<script", mail.Html);
        Assert.Contains(reply.AuthorUser!.Name, mail.Text);
        Assert.Contains($"/portal/requests/{ticket.Number}", mail.Text);
    }

    [Theory, Providers]
    public async Task ANoticeToAnAgent_LinksToTheWorkspace_AndNamesTheAgent(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await TicketAsync(agent);
        var mail = (await RenderAsync(app, new MailToRender(MailTemplateKinds.Assigned, ticket.Number, AgentId: agentUser.Id))).Value!;
        Assert.Equal($"[#{ticket.Number}] Assigned to you: Heizung kalt", mail.Subject);
        Assert.StartsWith($"Hello Agent {agentUser.Email[..8]},", mail.Text);
        Assert.Contains($"http://localhost:5000/agent/tickets/{ticket.Number}", mail.Text);
        Assert.DoesNotContain("Promised first response", mail.Text);
    }

    [Theory, Providers]
    public async Task UnknownMailsAndTickets_AreErrors(Db db)
    {
        var app = await fixture.For(db);
        Assert.IsType<MailTemplateNotFound>((await RenderAsync(app, new MailToRender("nope", 1))).Error);
        Assert.IsType<TicketNotFound>((await RenderAsync(app, new MailToRender(MailTemplateKinds.Acknowledgement, 987_654_321))).Error);
    }
}

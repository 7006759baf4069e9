using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Conditions;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.Services;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Services;

/// <summary>A ticket is about a service of the offer: it goes to the service's team and its policy can follow from it.</summary>
public class TicketsWithServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<(long Service, long Team)> AddServiceAsync(RapportApp app, bool isPublic = true, bool isActive = true) =>
        await app.WithDbAsync(async db =>
        {
            var unique = Guid.NewGuid().ToString("N")[..8];
            var team = new Team { Name = "Repairs " + unique, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            var service = new Service
            {
                Name = "Boiler repair " + unique, Team = team, IsPublic = isPublic, IsActive = isActive,
                Included = "Parts and labour", Limits = "Not **gas supply** faults", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return (service.Id, team.Id);
        });

    private static object NewTicket(long? serviceId, long? teamId = null) => new
    {
        subject = "Boiler noise",
        body = "It bangs at night.",
        requester = new { email = RapportApp.UniqueEmail("svc"), name = "Bo" },
        serviceId,
        teamId,
    };

    [Theory, Providers]
    public async Task ATicketAboutAService_GoesToTheServicesTeam_UnlessATeamWasChosen(Db db)
    {
        var app = await fixture.For(db);
        var (service, team) = await AddServiceAsync(app);
        var (_, otherTeam) = await AddServiceAsync(app);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var ticket = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(service))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal((service, team), (ticket.Service!.Id, ticket.Team!.Id));

        var chosen = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(service, otherTeam))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal(otherTeam, chosen.Team!.Id);
    }

    [Theory, Providers]
    public async Task UnknownOrRetiredServices_AreRefused_AndCustomersMayOnlyChooseWhatTheyAreOffered(Db db)
    {
        var app = await fixture.For(db);
        var (retired, _) = await AddServiceAsync(app, isActive: false);
        var (internalOnly, _) = await AddServiceAsync(app, isPublic: false);
        var (offered, _) = await AddServiceAsync(app);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(987_654))).InvalidAsync("serviceId");
        await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(retired))).InvalidAsync("serviceId");
        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(internalOnly))).StatusCode);

        var customer = app.ClientFor(await app.CreateUserAsync(Role.Customer));
        await (await customer.PostAsJsonAsync("/api/v1/tickets", new { subject = "Hi", body = "Help", serviceId = internalOnly })).InvalidAsync("serviceId");
        var mine = await (await customer.PostAsJsonAsync("/api/v1/tickets", new { subject = "Hi", body = "Help", serviceId = offered }))
            .ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal(offered, mine.Service!.Id);
    }

    [Theory, Providers]
    public async Task ChangingTheService_IsAudited_AndNullTakesItOff(Db db)
    {
        var app = await fixture.For(db);
        var (service, _) = await AddServiceAsync(app);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var number = (await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(null))).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number;

        var changed = await (await agent.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { serviceId = service })).ReadAsync<TicketDto>();
        Assert.Equal(service, changed.Service!.Id);
        var cleared = await (await agent.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { serviceId = (long?)null })).ReadAsync<TicketDto>();
        Assert.Null(cleared.Service);
        var audit = await (await agent.GetAsync($"/api/v1/tickets/{number}/audit")).ReadAsync<Rapport.Infrastructure.Paging.Page<Features.Audit.AuditEventDto>>();
        Assert.Equal(2, audit.Items.Count(e => e.Changes.TryGetProperty("serviceId", out _)));
    }

    [Theory, Providers]
    public async Task APolicyCanCoverAService(Db db)
    {
        var app = await fixture.For(db);
        var (service, _) = await AddServiceAsync(app);
        await SlaSetup.AddPolicyAsync(app, new ConditionSet { All = [Condition.Of("service", ConditionOperators.Is, service.ToString())] },
            null, firstResponse: 45, nextResponse: null, resolution: null);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var number = (await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(service))).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number;
        var ticket = await (await agent.GetAsync($"/api/v1/tickets/{number}")).ReadAsync<TicketDto>();
        Assert.Equal(45, Assert.Single(ticket.Sla!).TargetMinutes);
        Assert.Equal(SlaMetric.FirstResponse, ticket.Sla![0].Metric);
    }
}

using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.People;

/// <summary>A restricted team's tickets are seen only by its members, managers and admins (TicketVisibility).</summary>
public class RestrictedTeamVisibilityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static object NewTicket(string email, long? teamId) => new
    {
        subject = "Chargeback dispute",
        body = "The bank reversed my payment.",
        requester = new { email, name = "Pat Payer" },
        teamId,
    };

    private sealed record Setup(RapportApp App, long Restricted, long Open, long Unassigned, long Requester, HttpClient Admin);

    /// <summary>Three tickets from one requester: one created in a restricted team, one moved into it later, one in no team.</summary>
    private async Task<(Setup Setup, long MovedLater)> ArrangeAsync(Db db, Guid memberId)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var restricted = await admin.CreateTeamAsync(restricted: true);
        var open = await admin.CreateTeamAsync();
        await admin.AddMemberAsync(restricted.Id, memberId);
        var email = RapportApp.UniqueEmail("payer");
        var inRestricted = await (await admin.PostAsJsonAsync("/api/v1/tickets", NewTicket(email, restricted.Id))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var inOpen = await (await admin.PostAsJsonAsync("/api/v1/tickets", NewTicket(email, open.Id))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var moved = await (await admin.PostAsJsonAsync("/api/v1/tickets", NewTicket(email, null))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var unassigned = await (await admin.PostAsJsonAsync("/api/v1/tickets", NewTicket(email, null))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        await (await admin.PatchJsonAsync($"/api/v1/tickets/{moved.Number}", new { teamId = restricted.Id })).ReadAsync<TicketDto>();
        return (new Setup(app, inRestricted.Number, inOpen.Number, unassigned.Number, inRestricted.Requester.Id, admin), moved.Number);
    }

    private static async Task<long[]> ListedAsync(HttpClient client, long requester) =>
        (await (await client.GetAsync($"/api/v1/tickets?requester={requester}")).ReadAsync<Page<TicketDto>>()).Items.Select(t => t.Number).Order().ToArray();

    [Theory, Providers]
    public async Task AgentOutsideTheTeam_GetsNotFound_AndDoesNotSeeItListed(Db db)
    {
        var app = await fixture.For(db);
        var (member, _) = await app.SignInAsync(Role.Agent);
        var ((_, restricted, open, unassigned, requester, _), moved) = await ArrangeAsync(db, member.Id);
        foreach (var role in new[] { Role.Agent, Role.TeamLead })
        {
            var (_, outsider) = await app.SignInAsync(role);
            await (await outsider.GetAsync($"/api/v1/tickets/{restricted}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.GetAsync($"/api/v1/tickets/{moved}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.PatchJsonAsync($"/api/v1/tickets/{restricted}", new { priority = "low" })).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal([open, unassigned], await ListedAsync(outsider, requester));
        }
    }

    [Theory, Providers]
    public async Task MembersManagersAndAdmins_SeeTheTeamsTickets(Db db)
    {
        var app = await fixture.For(db);
        var (member, memberClient) = await app.SignInAsync(Role.Agent);
        var ((_, restricted, open, unassigned, requester, admin), moved) = await ArrangeAsync(db, member.Id);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        long[] all = [.. new[] { restricted, open, moved, unassigned }.Order()];

        foreach (var client in new[] { memberClient, manager, admin })
        {
            Assert.Equal(all, await ListedAsync(client, requester));
            Assert.Equal(restricted, (await (await client.GetAsync($"/api/v1/tickets/{restricted}")).ReadAsync<TicketDto>()).Number);
            Assert.Equal(moved, (await (await client.GetAsync($"/api/v1/tickets/{moved}")).ReadAsync<TicketDto>()).Number);
        }
    }

    [Theory, Providers]
    public async Task LeavingTheTeam_OrLiftingTheRestriction_ChangesWhatAnAgentSees(Db db)
    {
        var app = await fixture.For(db);
        var (member, memberClient) = await app.SignInAsync(Role.Agent);
        var ((_, restricted, _, _, _, admin), _) = await ArrangeAsync(db, member.Id);
        var teamId = (await (await admin.GetAsync($"/api/v1/tickets/{restricted}")).ReadAsync<TicketDto>()).Team!.Id;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/teams/{teamId}/members/{member.Id}")).StatusCode);
        await (await memberClient.GetAsync($"/api/v1/tickets/{restricted}")).ProblemAsync(HttpStatusCode.NotFound);

        await (await admin.PatchJsonAsync($"/api/v1/teams/{teamId}", new { isRestricted = false })).ReadAsync<TeamDto>();
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/api/v1/tickets/{restricted}")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;

namespace Rapport.Tests.Routing;

/// <summary>A team with its method, a lead who leads rather than takes tickets (offline), and its agents.</summary>
internal sealed record Crew(TeamDto Team, HttpClient Admin, TestUser Lead, HttpClient LeadClient, List<TestUser> Agents)
{
    public TestUser this[int index] => Agents[index];
}

/// <summary>The calls the routing tests make again and again, named for what they mean.</summary>
internal static class RoutingRequests
{
    public static async Task<Crew> CrewAsync(this RapportApp app, AssignmentMethod method, int agents)
    {
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync();
        await admin.SetMethodAsync(team.Id, method);
        var (lead, leadClient) = await app.SignInAsync(Role.TeamLead);
        await admin.AddMemberAsync(team.Id, lead.Id);
        await leadClient.SetAvailabilityAsync(lead.Id, "offline");
        var members = new List<TestUser>();
        for (var i = 0; i < agents; i++)
        {
            var agent = await app.CreateUserAsync(Role.Agent);
            await admin.AddMemberAsync(team.Id, agent.Id);
            members.Add(agent);
        }
        return new Crew(team, admin, lead, leadClient, members);
    }

    public static async Task SetMethodAsync(this HttpClient admin, long teamId, AssignmentMethod method)
    {
        var body = new JsonObject { ["assignmentMethod"] = Rapport.Infrastructure.Json.EnumNames.ToSnakeCase(method) };
        var team = await (await admin.PatchJsonAsync($"/api/v1/teams/{teamId}", body)).ReadAsync<TeamDto>();
        Assert.Equal(method, team.AssignmentMethod);
    }

    public static async Task SetAvailabilityAsync(this HttpClient client, Guid userId, string availability) =>
        await (await client.PutAsJsonAsync($"/api/v1/users/{userId}/availability", new { availability })).ReadAsync<AvailabilityDto>();

    public static async Task<TicketDto> CreateTicketAsync(this HttpClient staff, long? teamId = null, Guid? assigneeId = null,
        string priority = "normal", string[]? tags = null, long? requesterId = null, string? direction = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["subject"] = "Where is my parcel?",
            ["body"] = "It was due on Monday.",
            ["teamId"] = teamId,
            ["assigneeId"] = assigneeId,
            ["priority"] = priority,
            ["tags"] = tags,
            ["direction"] = direction,
        };
        if (requesterId is null) body["requester"] = new { email = RapportApp.UniqueEmail("parcel"), name = "Pat Parcel" };
        else body["requesterId"] = requesterId;
        return await (await staff.PostAsJsonAsync("/api/v1/tickets", body)).ReadAsync<TicketDto>(HttpStatusCode.Created);
    }

    public static async Task<TicketDto> GetTicketAsync(this HttpClient staff, long number) =>
        await (await staff.GetAsync($"/api/v1/tickets/{number}")).ReadAsync<TicketDto>();

    public static async Task<TicketDto> PatchTicketAsync(this HttpClient staff, long number, object body) =>
        await (await staff.PatchJsonAsync($"/api/v1/tickets/{number}", body)).ReadAsync<TicketDto>();

    /// <summary>The ticket's audit events with an action, each with its changes parsed.</summary>
    public static async Task<List<(AuditEventDto Event, JsonObject Changes)>> TicketEventsAsync(this HttpClient staff, long number, string action)
    {
        var page = await (await staff.GetAsync($"/api/v1/tickets/{number}/audit")).ReadAsync<Page<AuditEventDto>>();
        return page.Items.Where(e => e.Action == action).Select(e => (e, JsonNode.Parse(e.Changes.GetRawText())!.AsObject())).ToList();
    }

    public static string? After(this JsonObject changes, string field) => changes[field]?["after"]?.GetValue<string>();

    public static async Task<AbsenceDto> RecordAbsenceAsync(this HttpClient supervisor, Guid userId, DateTimeOffset startsAt, DateTimeOffset endsAt,
        string kind = "holiday", string? note = null) =>
        await (await supervisor.PostAsJsonAsync("/api/v1/absences", new { userId, kind, startsAt, endsAt, note }))
            .ReadAsync<AbsenceDto>(HttpStatusCode.Created);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.People;

/// <summary>The calls the people tests make again and again, named for what they mean.</summary>
internal static class PeopleRequests
{
    public static string UniqueTeamName(string what = "Team") => $"{what} {Guid.NewGuid().ToString("N")[..12]}";

    public static object NewUser(string? email = null, string role = "agent", string? name = null, long[]? teamIds = null, long? customerId = null) => new
    {
        email = email ?? RapportApp.UniqueEmail(role),
        name = name ?? "Sam Someone",
        role,
        password = RapportApp.Password,
        customerId,
        teamIds,
    };

    public static async Task<UserDto> CreateUserAsync(this HttpClient admin, object body) =>
        await (await admin.PostAsJsonAsync("/api/v1/users", body, Api.Json)).ReadAsync<UserDto>(HttpStatusCode.Created);

    public static async Task<TeamDto> CreateTeamAsync(this HttpClient admin, string? name = null, bool restricted = false, string? aim = null) =>
        await (await admin.PostAsJsonAsync("/api/v1/teams", new { name = name ?? UniqueTeamName(), aim, isRestricted = restricted }))
            .ReadAsync<TeamDto>(HttpStatusCode.Created);

    public static async Task AddMemberAsync(this HttpClient admin, long teamId, Guid userId)
    {
        var response = await admin.PutAsync($"/api/v1/teams/{teamId}/members/{userId}", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task<HttpResponseMessage> SignInWithPasswordAsync(this RapportApp app, string email, string password) =>
        await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password });

    /// <summary>The audit events of a user or team ("users" or "teams"), with each event's changes parsed.</summary>
    public static async Task<List<(AuditEventDto Event, JsonObject Changes)>> AuditAsync(this HttpClient admin, string collection, object id)
    {
        var page = await (await admin.GetAsync($"/api/v1/{collection}/{id}/audit")).ReadAsync<Page<AuditEventDto>>();
        return page.Items.Select(e => (e, JsonNode.Parse(e.Changes.GetRawText())!.AsObject())).ToList();
    }
}

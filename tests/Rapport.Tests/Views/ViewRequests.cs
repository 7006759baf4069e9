using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Views;
using Rapport.Features.Tickets.Views.Saved;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Views;

/// <summary>The calls the view tests make again and again, named for what they mean.</summary>
internal static class ViewRequests
{
    /// <summary>A word only this test's tickets carry in their subject, so its views see nothing else.</summary>
    public static string NewToken() => "vw" + Guid.NewGuid().ToString("N")[..10];

    public static object SubjectContains(string token, params object[] more) =>
        new { all = new object[] { new { field = "subject", @operator = "contains", value = token } }.Concat(more).ToArray() };

    public static object View(string name, object conditions, string scope = "personal", long? teamId = null,
        string[]? columns = null, string field = "updated", string direction = "desc") =>
        new { name, scope, teamId, conditions, columns = columns ?? ["number", "subject", "priority"], sort = new { field, direction } };

    public static async Task<SavedViewDto> CreateViewAsync(this HttpClient client, object view) =>
        await (await client.PostAsJsonAsync("/api/v1/views", view)).ReadAsync<SavedViewDto>(HttpStatusCode.Created);

    public static async Task<TicketDto> CreateTicketAsync(this HttpClient client, string subject, string priority = "normal", long? teamId = null) =>
        await (await client.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject, body = "Details.", priority, teamId,
            requester = new { email = RapportApp.UniqueEmail("views"), name = "Vic Viewer" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);

    public static async Task<Page<TicketDto>> ViewTicketsAsync(this HttpClient client, object key, int? limit = null, string? cursor = null) =>
        await (await client.GetAsync($"/api/v1/views/{key}/tickets?limit={limit ?? 25}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
            .ReadAsync<Page<TicketDto>>();

    public static async Task<ViewCountDto> CountOfAsync(this HttpClient client, string key) =>
        (await (await client.GetAsync("/api/v1/views/counts")).ReadAsync<List<ViewCountDto>>()).Single(c => c.Key == key);
}

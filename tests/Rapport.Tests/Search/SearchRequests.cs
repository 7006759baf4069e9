using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Search;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Search;

internal static class SearchRequests
{
    /// <summary>A word no other test writes, so that a search in the shared database finds only this test's tickets.</summary>
    public static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<SearchApi.SearchResults> SearchAsync(this HttpClient client, string q, string? more = null) =>
        await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{more}")).ReadAsync<SearchApi.SearchResults>();

    /// <summary>The numbers of the tickets a search finds, in its order (first page).</summary>
    public static async Task<List<long>> FoundAsync(this HttpClient client, string q) =>
        (await client.SearchAsync(q)).Tickets!.Select(h => h.Ticket.Number).ToList();

    public static async Task<TicketDto> OpenTicketAsync(this HttpClient staff, string subject, string body, object? more = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["body"] = body,
            ["requester"] = new { email = RapportApp.UniqueEmail("searcher"), name = "Sam Searcher" },
        };
        if (more is not null)
            foreach (var property in more.GetType().GetProperties()) fields[property.Name] = property.GetValue(more);
        if (fields.ContainsKey("requesterId")) fields.Remove("requester");
        return await (await staff.PostAsJsonAsync("/api/v1/tickets", fields)).ReadAsync<TicketDto>(HttpStatusCode.Created);
    }

    public static async Task AddMessageAsync(this HttpClient client, long number, string body, string visibility = "public") =>
        await (await client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, visibility })).ReadAsync<MessageDto>(HttpStatusCode.Created);
}

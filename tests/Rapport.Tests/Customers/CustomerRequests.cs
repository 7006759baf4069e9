using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Customers;

/// <summary>What the customer and organisation tests ask of the API, said once.</summary>
internal static class CustomerRequests
{
    /// <summary>A short token that makes names and domains unique to one test, so tests can share a database.</summary>
    public static string Token() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<CustomerDto> CreateCustomerAsync(this HttpClient staff, object body) =>
        await (await staff.PostAsJsonAsync("/api/v1/customers", body)).ReadAsync<CustomerDto>(HttpStatusCode.Created);

    public static Task<CustomerDto> CreateCustomerAsync(this HttpClient staff, string name, params string[] emails) =>
        staff.CreateCustomerAsync(new { name, emails });

    public static async Task<OrganisationDto> CreateOrganisationAsync(this HttpClient supervisor, string name, params string[] domains) =>
        await (await supervisor.PostAsJsonAsync("/api/v1/organisations", new { name, domains })).ReadAsync<OrganisationDto>(HttpStatusCode.Created);

    public static async Task<CustomerDto> GetCustomerAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/customers/{id}")).ReadAsync<CustomerDto>();

    public static async Task<Page<T>> PageAsync<T>(this HttpClient client, string url) => await (await client.GetAsync(url)).ReadAsync<Page<T>>();

    /// <summary>Follows next cursors to the end and returns every item, asserting each page is at most the limit.</summary>
    public static async Task<List<T>> AllPagesAsync<T>(this HttpClient client, string url, int limit)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?') ? '&' : '?';
            var page = await client.PageAsync<T>($"{url}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.Items.Count <= limit);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return items;
    }

    /// <summary>The changes of the one audit event with the action, as JSON: field → { before, after }.</summary>
    public static JsonObject Changes(this Page<AuditEventDto> audit, string action) => audit.Items.Single(a => a.Action == action).ChangesOf();

    public static JsonObject ChangesOf(this AuditEventDto audit) => JsonNode.Parse(audit.Changes.GetRawText())!.AsObject();

    public static string? Before(this JsonObject changes, string field) => changes[field]!["before"]?.ToString();

    public static string? After(this JsonObject changes, string field) => changes[field]!["after"]?.ToString();
}

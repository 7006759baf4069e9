using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Complaints;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Complaints;

/// <summary>The calls complaint tests make, named for what they mean.</summary>
internal static class ComplaintRequests
{
    public static async Task<TicketDto> CreateTicketAsync(this HttpClient client, string type = "complaint", Guid? assigneeId = null) =>
        await (await client.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "You charged me twice",
            body = "My card was charged twice for the March invoice and nobody answers.",
            requester = new { email = RapportApp.UniqueEmail("complainant"), name = "Sam Complainant" },
            type,
            assigneeId,
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PatchComplaintAsync(this HttpClient client, long number, object body) =>
        client.PatchJsonAsync($"/api/v1/tickets/{number}/complaint", body);

    public static async Task<ComplaintDto> ComplaintAsync(this HttpClient client, long number) =>
        await (await client.GetAsync($"/api/v1/tickets/{number}/complaint")).ReadAsync<ComplaintDto>();

    public static async Task<ComplaintDto> MoveAsync(this HttpClient client, long number, object body) =>
        await (await client.PatchComplaintAsync(number, body)).ReadAsync<ComplaintDto>();

    /// <summary>Takes a complaint from received to responded with a root cause, a remedy and a decision.</summary>
    public static async Task<ComplaintDto> TakeToRespondedAsync(this HttpClient client, long number)
    {
        await client.MoveAsync(number, new { stage = "acknowledged" });
        await client.MoveAsync(number, new { stage = "investigating" });
        await client.MoveAsync(number, new { stage = "decided", rootCause = "charges_fees", remedy = "Refund of the second charge and £20 for the trouble.", decision = "upheld" });
        return await client.MoveAsync(number, new { stage = "responded" });
    }
}

using System.Net;
using System.Net.Http.Json;
using Rapport.Features.CannedReplies;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.CannedReplies;

/// <summary>The calls the canned-reply tests repeat, named for what they mean.</summary>
internal static class CannedReplyRequests
{
    /// <summary>A word no other test's titles hold, so a search finds only this test's replies.</summary>
    public static string Token() => "k" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<CannedReplyDto> CreateCannedReplyAsync(this HttpClient staff, object body) =>
        await (await staff.PostAsJsonAsync("/api/v1/canned-replies", body, Api.Json)).ReadAsync<CannedReplyDto>(HttpStatusCode.Created);

    public static async Task<List<string>> CannedTitlesAsync(this HttpClient staff, string q) =>
        [.. (await (await staff.GetAsync($"/api/v1/canned-replies?q={q}")).ReadAsync<Page<CannedReplyDto>>()).Items.Select(r => r.Title)];
}

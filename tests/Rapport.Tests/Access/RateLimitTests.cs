using System.Net;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Access;

public class RateLimitTests
{
    [Fact]
    public async Task BeyondTheAllowance_Is429Problem_WithRetryAfter()
    {
        await using var app = await RapportApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Rapport:RateLimits:Enabled"] = "true",
            ["Rapport:RateLimits:PermitsPerSecond"] = "1",
            ["Rapport:RateLimits:Burst"] = "3",
        });
        var (_, client) = await app.SignInAsync(Role.Agent);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/v1/tickets");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }
        Assert.NotNull(limited);
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains(HttpStatusCode.OK, statuses);
        // Health checks are never limited: load balancers poll them.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}

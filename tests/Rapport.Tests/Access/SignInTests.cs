using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Access;

public class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task CookieSignIn_ThenApiCall_ThenSignOut(Db db)
    {
        var app = await fixture.For(db);
        var user = await app.CreateUserAsync(Role.Agent);
        var client = app.AnonymousClient();

        var me = await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = user.Email, password = RapportApp.Password }))
            .ReadAsync<MeDto>();
        Assert.Equal(Role.Agent, me.Role);
        Assert.Equal(user.Id, (await (await client.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).Id);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);
        await (await client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, Providers]
    public async Task WrongPassword_FiveTimes_LocksTheAccount(Db db)
    {
        var app = await fixture.For(db);
        var user = await app.CreateUserAsync(Role.Agent);
        var client = app.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = user.Email, password = "Wrong-password-1" });
            await failed.ProblemAsync(HttpStatusCode.Unauthorized);
        }
        var locked = await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = user.Email, password = RapportApp.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", locked["detail"]!.GetValue<string>());
    }

    [Theory, Providers]
    public async Task SignIn_WithUnknownEmail_SaysTheSameAsAWrongPassword(Db db)
    {
        var app = await fixture.For(db);
        var client = app.AnonymousClient();
        var unknown = await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = RapportApp.UniqueEmail(), password = "Whatever-1234" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var user = await app.CreateUserAsync(Role.Agent);
        var wrong = await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = user.Email, password = "Whatever-1234" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(unknown["detail"]!.ToString(), wrong["detail"]!.ToString());
        await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "" })).InvalidAsync("email");
    }

    [Theory, Providers]
    public async Task Token_IsStoredHashed_RecordsUse_AndStopsWorkingWhenRevoked(Db db)
    {
        var app = await fixture.For(db);
        var (user, client) = await app.SignInAsync(Role.Agent);

        var created = await (await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "laptop" }))
            .ReadAsync<CreateApiToken.Created>(HttpStatusCode.Created);
        var stored = await app.WithDbAsync(data => data.ApiTokens.SingleAsync(t => t.Id == created.Id));
        Assert.NotEqual(created.Token, stored.Hash);
        Assert.Equal(ApiTokenSecrets.Hash(created.Token), stored.Hash);

        var laptop = app.AnonymousClient();
        laptop.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/me")).StatusCode);
        var listed = await (await client.GetAsync("/api/v1/me/tokens")).ReadAsync<List<ApiTokenDto>>();
        Assert.NotNull(listed.Single(t => t.Id == created.Id).LastUsedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/me/tokens/{created.Id}")).StatusCode);
        await (await laptop.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        // Someone else's token id is not yours to revoke.
        var (_, other) = await app.SignInAsync(Role.Agent);
        await (await other.DeleteAsync($"/api/v1/me/tokens/{created.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task MalformedOrUnknownBearer_Is401Problem(Db db)
    {
        var app = await fixture.For(db);
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "rpt_not-a-real-token");
        await (await client.GetAsync("/api/v1/tickets")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.AnonymousClient().GetAsync("/api/v1/tickets")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

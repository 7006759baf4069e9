using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.People;

public class UserChangesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Update_ChangesFields_AndAuditsBeforeAndAfter(Db db)
    {
        var app = await fixture.For(db);
        var (adminUser, admin) = await app.SignInAsync(Role.Admin);
        var user = await admin.CreateUserAsync(PeopleRequests.NewUser(name: "Old Name"));
        var email = RapportApp.UniqueEmail("renamed");

        var updated = await (await admin.PatchJsonAsync($"/api/v1/users/{user.Id}", new { name = "New Name", role = "team_lead", email }))
            .ReadAsync<UserDto>();
        Assert.Equal(("New Name", Role.TeamLead, email), (updated.Name, updated.Role, updated.Email));
        Assert.True(updated.IsActive);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInWithPasswordAsync(email, RapportApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SignInWithPasswordAsync(user.Email, RapportApp.Password)).StatusCode);

        var audit = await admin.AuditAsync("users", user.Id);
        Assert.Equal(["created", "updated"], audit.Select(a => a.Event.Action));
        var (change, fields) = audit[1];
        Assert.Equal(adminUser.Id, change.ActorUserId);
        Assert.Equal("Old Name", fields["name"]!["before"]!.GetValue<string>());
        Assert.Equal("New Name", fields["name"]!["after"]!.GetValue<string>());
        Assert.Equal("agent", fields["role"]!["before"]!.GetValue<string>());
        Assert.Equal("team_lead", fields["role"]!["after"]!.GetValue<string>());
        Assert.Equal(user.Email, fields["email"]!["before"]!.GetValue<string>());
        Assert.Equal(email, fields["email"]!["after"]!.GetValue<string>());
        Assert.False(fields.ContainsKey("isActive"));

        // Repeating the same change is no change and is not audited again.
        await (await admin.PatchJsonAsync($"/api/v1/users/{user.Id}", new { name = "New Name" })).ReadAsync<UserDto>();
        Assert.Equal(2, (await admin.AuditAsync("users", user.Id)).Count);
    }

    [Theory, Providers]
    public async Task Update_WithInvalidInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var (adminUser, admin) = await app.SignInAsync(Role.Admin);
        var user = await admin.CreateUserAsync(PeopleRequests.NewUser());
        var url = $"/api/v1/users/{user.Id}";

        await (await admin.PatchJsonAsync(url, new { email = adminUser.Email })).InvalidAsync("email");
        await (await admin.PatchJsonAsync(url, new { email = "nobody@" })).InvalidAsync("email");
        await (await admin.PatchJsonAsync(url, new { name = "" })).InvalidAsync("name");
        await (await admin.PatchJsonAsync(url, new { name = new string('x', 201) })).InvalidAsync("name");
        await (await admin.PatchJsonAsync(url, new { role = "wizard" })).InvalidAsync("role");
        await (await admin.PatchJsonAsync(url, new { role = (string?)null })).InvalidAsync("role");
        await (await admin.PatchJsonAsync(url, new { role = "customer" })).InvalidAsync("role");
        await (await admin.PatchJsonAsync(url, new { isActive = (bool?)null })).InvalidAsync("isActive");
        await (await admin.PatchJsonAsync($"/api/v1/users/{Guid.NewGuid()}", new { name = "Nobody" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equivalent(user, await (await admin.GetAsync(url)).ReadAsync<UserDto>(), strict: true);
    }

    [Theory, Providers]
    public async Task Update_AdminCannotDeactivateOrDemoteThemselves(Db db)
    {
        var app = await fixture.For(db);
        var (adminUser, admin) = await app.SignInAsync(Role.Admin);
        var url = $"/api/v1/users/{adminUser.Id}";

        var deactivate = await (await admin.PatchJsonAsync(url, new { isActive = false })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("deactivate yourself", deactivate["detail"]!.GetValue<string>());
        var demote = await (await admin.PatchJsonAsync(url, new { role = "manager" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("admin role", demote["detail"]!.GetValue<string>());
        var self = await (await admin.PatchJsonAsync(url, new { name = "Still Admin" })).ReadAsync<UserDto>();
        Assert.Equal((Role.Admin, true), (self.Role, self.IsActive));
    }

    [Theory, Providers]
    public async Task Deactivate_RevokesTokensAndSignIn_AndReactivatingDoesNotRestoreTokens(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/teams")).StatusCode);
        var stampBefore = await app.WithDbAsync(data => data.Users.Where(u => u.Id == agentUser.Id).Select(u => u.SecurityStamp).SingleAsync());

        var deactivated = await (await admin.PatchJsonAsync($"/api/v1/users/{agentUser.Id}", new { isActive = false })).ReadAsync<UserDto>();
        Assert.False(deactivated.IsActive);
        await (await agent.GetAsync("/api/v1/teams")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SignInWithPasswordAsync(agentUser.Email, RapportApp.Password)).StatusCode);
        var (revokedAt, stampAfter) = await app.WithDbAsync(async data => (
            await data.ApiTokens.Where(t => t.UserId == agentUser.Id).Select(t => t.RevokedAt).SingleAsync(),
            await data.Users.Where(u => u.Id == agentUser.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.NotNull(revokedAt);
        Assert.NotEqual(stampBefore, stampAfter);
        var audit = (await admin.AuditAsync("users", agentUser.Id)).Last().Changes;
        Assert.True(audit["isActive"]!["before"]!.GetValue<bool>());
        Assert.False(audit["isActive"]!["after"]!.GetValue<bool>());
        Assert.Equal(1, audit["apiTokensRevoked"]!["after"]!.GetValue<int>());

        await (await admin.PatchJsonAsync($"/api/v1/users/{agentUser.Id}", new { isActive = true })).ReadAsync<UserDto>();
        await (await agent.GetAsync("/api/v1/teams")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInWithPasswordAsync(agentUser.Email, RapportApp.Password)).StatusCode);
    }

    [Theory, Providers]
    public async Task ChangePassword_ByAdmin_SetsItThroughThePolicy_AndAuditsOnlyTheFact(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (agentUser, _) = await app.SignInAsync(Role.Agent);
        var url = $"/api/v1/users/{agentUser.Id}/password";

        await (await admin.PostAsJsonAsync(url, new { password = "short" })).InvalidAsync("password");
        await (await admin.PostAsJsonAsync(url, new { password = "alllowercase-and-long" })).InvalidAsync("password");
        await (await admin.PostAsJsonAsync(url, new { })).InvalidAsync("password");
        const string secret = "Brand-new-secret-42";
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(url, new { password = secret })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.SignInWithPasswordAsync(agentUser.Email, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SignInWithPasswordAsync(agentUser.Email, RapportApp.Password)).StatusCode);
        var audit = await admin.AuditAsync("users", agentUser.Id);
        var (change, fields) = audit.Single(a => a.Event.Action == "password_changed");
        Assert.Equal("admin", fields["passwordSetBy"]!["after"]!.GetValue<string>());
        Assert.DoesNotContain(secret, fields.ToJsonString());
        await (await admin.PostAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/password", new { password = secret })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task ChangePassword_ByThemselves_NeedsTheCurrentPassword(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var (otherUser, _) = await app.SignInAsync(Role.Agent);
        var url = $"/api/v1/users/{agentUser.Id}/password";
        const string secret = "My-own-choice-2024";

        await (await agent.PostAsJsonAsync(url, new { password = secret })).InvalidAsync("currentPassword");
        await (await agent.PostAsJsonAsync(url, new { password = secret, currentPassword = "Wrong-password-1" })).InvalidAsync("currentPassword");
        await (await agent.PostAsJsonAsync(url, new { password = "weak", currentPassword = RapportApp.Password })).InvalidAsync("password");
        await (await agent.PostAsJsonAsync($"/api/v1/users/{otherUser.Id}/password", new { password = secret, currentPassword = RapportApp.Password }))
            .ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent,
            (await agent.PostAsJsonAsync(url, new { password = secret, currentPassword = RapportApp.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInWithPasswordAsync(agentUser.Email, secret)).StatusCode);
        // An API token is not a sign-in session: it keeps working after a password change.
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/teams")).StatusCode);
    }

    [Theory, Providers]
    public async Task ChangePassword_FromASignInCookie_KeepsThatSessionSignedIn(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, _) = await app.SignInAsync(Role.Agent);
        var browser = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK,
            (await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = agentUser.Email, password = RapportApp.Password })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsJsonAsync($"/api/v1/users/{agentUser.Id}/password",
            new { password = "Changed-in-browser-7", currentPassword = RapportApp.Password })).StatusCode);
        Assert.Equal(agentUser.Id, (await (await browser.GetAsync($"/api/v1/users/{agentUser.Id}")).ReadAsync<UserDto>()).Id);
    }
}

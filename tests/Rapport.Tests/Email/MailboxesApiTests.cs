using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Audit;
using Rapport.Features.Email.Mailboxes;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;

namespace Rapport.Tests.Email;

public class MailboxesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Secret = "S3cret-smtp-passw0rd";

    private static object Mailbox(string? name = null, string? address = null, string host = "smtp.example.com", int port = 587,
        string security = "start_tls", string? user = "support", string? password = Secret, long? teamId = null, bool isDefault = false) => new
    {
        name = name ?? EmailSetup.Unique("Support"),
        address = address ?? RapportApp.UniqueEmail("support"),
        displayName = "Acme Support",
        smtpHost = host,
        smtpPort = port,
        security,
        userName = user,
        password,
        teamId,
        isDefault,
    };

    [Theory, Providers]
    public async Task Create_Read_Update_NeverReturnThePassword_AndTheAuditOnlySaysItChanged(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/mailboxes", Mailbox(address: " Help@Example.COM ", teamId: team.Id));
        var body = await response.Content.ReadAsStringAsync();
        var created = await response.ReadAsync<MailboxDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/mailboxes/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal(("help@example.com", "smtp.example.com", 587, MailSecurity.StartTls, "support", true),
            (created.Address, created.SmtpHost, created.SmtpPort, created.Security, created.UserName, created.HasPassword));
        Assert.Equal(team.Id, created.Team!.Id);

        var responses = new List<string> { body };
        responses.Add(await admin.GetStringAsync($"/api/v1/mailboxes/{created.Id}"));
        responses.Add(await admin.GetStringAsync("/api/v1/mailboxes"));
        var renamed = await admin.PatchJsonAsync($"/api/v1/mailboxes/{created.Id}", new { name = EmailSetup.Unique("Renamed"), password = "An0ther-secret" });
        responses.Add(await renamed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var removed = await (await admin.PatchJsonAsync($"/api/v1/mailboxes/{created.Id}", new { password = (string?)null, userName = (string?)null }))
            .ReadAsync<MailboxDto>();
        Assert.False(removed.HasPassword);
        var auditResponse = await admin.GetStringAsync($"/api/v1/mailboxes/{created.Id}/audit");
        responses.Add(auditResponse);

        foreach (var text in responses)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("An0ther-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("protectedPassword", text, StringComparison.OrdinalIgnoreCase);
        }
        var stored = await app.WithDbAsync(data => data.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == created.Id));
        Assert.Null(stored.ProtectedPassword);
        var audit = await app.WithDbAsync(data => data.AuditEvents.AsNoTracking().Where(a => a.EntityType == "mailbox" && a.EntityId == created.Id.ToString())
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["created", "updated", "updated"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.DoesNotContain("secret", a.Changes, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\"password\":{\"before\":null,\"after\":\"set\"}", audit[0].Changes, StringComparison.Ordinal);
        Assert.Contains("\"password\":{\"before\":null,\"after\":\"changed\"}", audit[1].Changes, StringComparison.Ordinal);
        Assert.Contains("\"password\":{\"before\":null,\"after\":\"removed\"}", audit[2].Changes, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ThePassword_IsStoredEncrypted_AndReadableByTheServer(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/mailboxes", Mailbox())).ReadAsync<MailboxDto>(HttpStatusCode.Created);

        var (stored, readable) = await app.WithScopeAsync(async services =>
        {
            var data = services.GetRequiredService<Rapport.Data.RapportDbContext>();
            var row = await data.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == created.Id);
            return (row.ProtectedPassword, services.GetRequiredService<MailboxSecrets>().Unprotect(row.ProtectedPassword));
        });
        Assert.NotNull(stored);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.Equal(Secret, readable);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var existing = await (await admin.PostAsJsonAsync("/api/v1/mailboxes", Mailbox())).ReadAsync<MailboxDto>(HttpStatusCode.Created);
        Task<HttpResponseMessage> PostAsync(object body) => admin.PostAsJsonAsync("/api/v1/mailboxes", body);

        await (await PostAsync(Mailbox(address: "not-an-address"))).InvalidAsync("address");
        await (await PostAsync(Mailbox(address: "two@@example"))).InvalidAsync("address");
        await (await PostAsync(Mailbox(port: 0))).InvalidAsync("smtpPort");
        await (await PostAsync(Mailbox(port: 65536))).InvalidAsync("smtpPort");
        await (await PostAsync(Mailbox(host: "smtp example.com"))).InvalidAsync("smtpHost");
        await (await PostAsync(Mailbox(host: "-smtp.example.com"))).InvalidAsync("smtpHost");
        await (await PostAsync(Mailbox(host: ""))).InvalidAsync("smtpHost");
        await (await PostAsync(Mailbox(user: null))).InvalidAsync("userName");
        await (await PostAsync(Mailbox(teamId: 999_999_999))).InvalidAsync("teamId");
        await (await PostAsync(Mailbox(name: existing.Name.ToUpperInvariant()))).InvalidAsync("name");
        await (await PostAsync(Mailbox(security: "ssl3"))).InvalidAsync("security");
        var invalid = await (await admin.PatchJsonAsync($"/api/v1/mailboxes/{existing.Id}", new { smtpPort = -1 })).InvalidAsync("smtpPort");
        Assert.DoesNotContain(Secret, invalid.ToJsonString(), StringComparison.Ordinal);
        await (await admin.PatchJsonAsync("/api/v1/mailboxes/999999999", new { smtpPort = 25 })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task MakingAMailboxTheDefault_TakesItFromTheOther(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var first = await (await admin.PostAsJsonAsync("/api/v1/mailboxes", Mailbox(isDefault: true))).ReadAsync<MailboxDto>(HttpStatusCode.Created);
        var second = await (await admin.PostAsJsonAsync("/api/v1/mailboxes", Mailbox())).ReadAsync<MailboxDto>(HttpStatusCode.Created);

        await (await admin.PatchJsonAsync($"/api/v1/mailboxes/{second.Id}", new { isDefault = true })).ReadAsync<MailboxDto>();

        var all = await (await admin.GetAsync("/api/v1/mailboxes")).ReadAsync<List<MailboxDto>>();
        Assert.Equal([second.Id], all.Where(m => m.IsDefault).Select(m => m.Id));
        var firstAudit = await (await admin.GetAsync($"/api/v1/mailboxes/{first.Id}/audit")).ReadAsync<Page<AuditEventDto>>();
        Assert.Equal(["created", "updated"], firstAudit.Items.Select(a => a.Action));
    }

    [Theory, Providers]
    public async Task OnlyAdmins_SeeMailboxes(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/mailboxes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/mailboxes", Mailbox())).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>Bad input gets the documented status, a problem detail naming the field, and writes nothing.</summary>
public class TicketBadInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static string Valid(string email, string extra = "") =>
        $$"""{"subject":"Broken kettle","body":"It will not boil.","requester":{"email":"{{email}}","name":"Sam"}{{extra}}}""";

    public static TheoryData<Db, string, string> InvalidBodies()
    {
        var data = new TheoryData<Db, string, string>();
        var cases = new (string Body, string Field)[]
        {
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL","name":"Sam"}""", "$"),
            ("""{"subject":42,"body":"y","requester":{"email":"EMAIL"}}""", "subject"),
            ("""{"body":"y","requester":{"email":"EMAIL"}}""", "subject"),
            ("""{"subject":"   ","body":"y","requester":{"email":"EMAIL"}}""", "subject"),
            ("""{"subject":"x","requester":{"email":"EMAIL"}}""", "body"),
            ("""{"subject":"x","body":"y"}""", "requester"),
            ("""{"subject":"x","body":"y","requester":{"email":"not-an-address"}}""", "requester.email"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"priority":"extreme"}""", "priority"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"channel":"pigeon"}""", "channel"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"type":7}""", "type"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"tags":"one"}""", "tags"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"tags":["ok","no way!"]}""", "tags[1]"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"teamId":987654321}""", "teamId"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"assigneeId":"00000000-0000-0000-0000-000000000001"}""", "assigneeId"),
            ("""{"subject":"x","body":"y","requester":{"email":"EMAIL"},"assigneeId":"not-a-guid"}""", "assigneeId"),
            ("""{"subject":"x","body":"y","requesterId":987654321}""", "requesterId"),
            ("""{"subject":"bell\u0007","body":"y","requester":{"email":"EMAIL"}}""", "subject"),
            ("""{"subject":"lone \uD800 surrogate","body":"y","requester":{"email":"EMAIL"}}""", "subject"),
            ("""{"subject":"SUBJECT_TOO_LONG","body":"y","requester":{"email":"EMAIL"}}""", "subject"),
            ("""[1,2,3]""", "$"),
            ("""not json at all""", "$"),
        };
        foreach (var db in new[] { Db.Sqlite, Db.PostgreSql })
        {
            if (db == Db.PostgreSql && Databases.PostgresServer is null) continue;
            foreach (var (body, field) in cases) data.Add(db, body.Replace("SUBJECT_TOO_LONG", new string('s', TicketLimits.SubjectLength + 1)), field);
        }
        return data;
    }

    [Theory, MemberData(nameof(InvalidBodies))]
    public async Task Create_WithInvalidBody_Is400NamingTheField_AndWritesNothing(Db db, string body, string field)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("bad");
        var before = await CountsAsync(app);

        var response = await agent.PostRawAsync("/api/v1/tickets", body.Replace("EMAIL", email));

        await response.InvalidAsync(field);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, Providers]
    public async Task Create_WithUnicode_KeepsItExactly(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        const string subject = "Ünïcödé ✓ 日本語 العربية 🙂 — \"quotes\" <b>not bold</b>";
        var response = await agent.PostRawAsync("/api/v1/tickets",
            Valid(RapportApp.UniqueEmail("uni")).Replace("Broken kettle", subject.Replace("\"", "\\\"")));
        var ticket = await response.ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal(subject, ticket.Subject);
    }

    [Theory, Providers]
    public async Task Create_WithScriptInBody_StoresSafeHtml(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var body = Valid(RapportApp.UniqueEmail("xss")).Replace("It will not boil.",
            "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> **fine**");
        var ticket = await (await agent.PostRawAsync("/api/v1/tickets", body)).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var messages = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/messages")).ReadAsync<Rapport.Infrastructure.Paging.Page<MessageDto>>();
        var html = messages.Items[0].BodyHtml;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>fine</strong>", html);
    }

    [Theory, Providers]
    public async Task Create_WithTenMegabyteBody_Is413(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var before = await CountsAsync(app);
        var huge = Valid(RapportApp.UniqueEmail("huge")).Replace("It will not boil.", new string('a', 10 * 1024 * 1024));
        var response = await agent.PostRawAsync("/api/v1/tickets", huge);
        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, Providers]
    public async Task Create_WithWrongContentType_Is415(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var response = await agent.PostRawAsync("/api/v1/tickets", "subject=x", "application/x-www-form-urlencoded");
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory, Providers]
    public async Task UnknownTicket_Is404Everywhere(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        await (await agent.GetAsync("/api/v1/tickets/999999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync("/api/v1/tickets/999999999/messages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync("/api/v1/tickets/999999999/audit")).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.PatchJsonAsync("/api/v1/tickets/999999999", new { priority = "low" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.PostAsJsonAsync("/api/v1/tickets/999999999/messages", new { body = "hello" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync("/api/v1/tickets/not-a-number")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Patch_WithInvalidValues_Is400_AndChangesNothing(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await (await agent.PostRawAsync("/api/v1/tickets", Valid(RapportApp.UniqueEmail("patch")))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var url = $"/api/v1/tickets/{ticket.Number}";

        await (await agent.PatchJsonAsync(url, new { status = "finished" })).InvalidAsync("status");
        await (await agent.PatchJsonAsync(url, new { status = (string?)null })).InvalidAsync("status");
        await (await agent.PatchJsonAsync(url, new { subject = "" })).InvalidAsync("subject");
        await (await agent.PatchJsonAsync(url, new { priority = "low", teamId = 424242 })).InvalidAsync("teamId");
        await (await agent.PatchJsonAsync(url, new { followers = new[] { Guid.NewGuid() } })).InvalidAsync("followers");

        var after = await (await agent.GetAsync(url)).ReadAsync<TicketDto>();
        Assert.Equal(ticket.Version, after.Version);
        Assert.Equal(Priority.Normal, after.Priority);
    }

    [Theory, Providers]
    public async Task ClosedTicket_RefusesChangesAndMessages_With409(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await (await agent.PostRawAsync("/api/v1/tickets", Valid(RapportApp.UniqueEmail("closed")))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var url = $"/api/v1/tickets/{ticket.Number}";
        await (await agent.PatchJsonAsync(url, new { assigneeId = agentUser.Id, status = "solved" })).ReadAsync<TicketDto>();
        await (await agent.PatchJsonAsync(url, new { status = "closed" })).ReadAsync<TicketDto>();

        await (await agent.PatchJsonAsync(url, new { status = "open" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PatchJsonAsync(url, new { priority = "urgent" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PostAsJsonAsync($"{url}/messages", new { body = "one more thing" })).ProblemAsync(HttpStatusCode.Conflict);
        var messages = await app.WithDbAsync(data => data.Messages.CountAsync(m => m.TicketNumber == ticket.Number));
        Assert.Equal(1, messages);
    }

    private static Task<(int Tickets, int Messages, int Customers, int Audit)> CountsAsync(RapportApp app) =>
        app.WithDbAsync(async db => (await db.Tickets.CountAsync(), await db.Messages.CountAsync(), await db.Customers.CountAsync(), await db.AuditEvents.CountAsync()));
}

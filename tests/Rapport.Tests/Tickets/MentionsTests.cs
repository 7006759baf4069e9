using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Mime;
using Rapport.Tests.Email;
using Rapport.Tests.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>
/// "@ann" in an internal note: the colleague hears of it in the workspace and by email (unless they turned that
/// email off), and follows the ticket; replies, strangers to a restricted team and the writer are never told.
/// </summary>
public class MentionsTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    /// <summary>A ticket the customer opened by mail to the scenario's mailbox, so notices about it go out from there.</summary>
    private static async Task<long> TicketByMailAsync(MailScenario scenario)
    {
        var relay = await scenario.App.RelayClientAsync();
        var mail = Mail.From(RapportApp.UniqueEmail("customer"), "Refund not received", "It has been two weeks.") with
        {
            To = [new MailboxAddress("Acme Support", scenario.Mailbox.Address)],
            Headers = [new("Precedence", "bulk")], // no acknowledgement: only notices reach the sink
        };
        return (await relay.ReceiveAsync(mail.ToBytes())).TicketNumber!.Value;
    }

    private static string Handle(TestUser user) => user.Email[..user.Email.IndexOf('@')];

    private static Task<HttpResponseMessage> NoteAsync(HttpClient client, long number, string body, string visibility = "internal") =>
        client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, visibility });

    private static async Task<List<NotificationDto>> MentionsOfAsync(RapportApp app, TestUser user) =>
        [.. (await (await app.ClientFor(user).GetAsync("/api/v1/me/notifications")).ReadAsync<Page<NotificationDto>>()).Items.Where(n => n.Kind == "mentioned")];

    [Theory, Providers]
    public async Task ANote_ThatMentionsAColleague_TellsThemInTheWorkspaceAndByEmail_AndTheyFollowTheTicket(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var app = scenario.App;
        var number = await TicketByMailAsync(scenario);
        var (writer, client) = await app.SignInAsync(Role.Agent);
        var colleague = await app.CreateUserAsync(Role.Agent);

        (await NoteAsync(client, number, $"@{Handle(colleague)} could you check the refund was sent? **Thanks**")).EnsureSuccessStatusCode();

        var notice = Assert.Single(await MentionsOfAsync(app, colleague));
        Assert.Equal(number, notice.TicketNumber);
        Assert.Contains("mentioned you", notice.Text);
        var ticket = await (await client.GetAsync($"/api/v1/tickets/{number}")).ReadAsync<TicketDto>();
        Assert.Contains(colleague.Id, ticket.Followers);
        Assert.DoesNotContain(writer.Id, ticket.Followers);
        var audit = await app.WithDbAsync(d => d.AuditEvents.AsNoTracking().Where(a => a.TicketNumber == number && a.Action == "note_added").Select(a => a.Changes).SingleAsync());
        Assert.Contains("mentioned", audit);

        await app.DeliverAsync();
        var mail = MimeParser.Parse(Assert.Single(scenario.Sink.Received()).Content);
        Assert.Equal(colleague.Email, Assert.Single(mail.To).Address);
        Assert.Contains($"[#{number}] You were mentioned", mail.Subject);
        Assert.Contains("could you check the refund was sent?", mail.TextBody);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);

        // Mentioned again, they are told again but follow the ticket once.
        (await NoteAsync(client, number, $"Still waiting, @{Handle(colleague)}.")).EnsureSuccessStatusCode();
        Assert.Equal(2, (await MentionsOfAsync(app, colleague)).Count);
        Assert.Single(await app.WithDbAsync(d => d.TicketFollowers.Where(f => f.TicketNumber == number && f.UserId == colleague.Id).ToListAsync()));
    }

    [Theory, Providers]
    public async Task Replies_TheWriter_AndColleaguesWhoCannotSeeTheTicket_AreNeverTold(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, admin) = (scenario.App, scenario.Client);
        var restricted = await admin.CreateTeamAsync(restricted: true);
        var (member, client) = await app.SignInAsync(Role.Agent);
        var otherMember = await app.CreateUserAsync(Role.Agent);
        var outsider = await app.CreateUserAsync(Role.Agent);
        var manager = await app.CreateUserAsync(Role.Manager);
        await admin.AddMemberAsync(restricted.Id, member.Id);
        await admin.AddMemberAsync(restricted.Id, otherMember.Id);
        var number = await TicketByMailAsync(scenario);
        (await admin.PatchJsonAsync($"/api/v1/tickets/{number}", new { teamId = restricted.Id })).EnsureSuccessStatusCode();

        (await NoteAsync(client, number, $"@{Handle(member)} @{Handle(otherMember)} @{Handle(outsider)} @{Handle(manager)} see the chargeback"))
            .EnsureSuccessStatusCode();
        (await NoteAsync(client, number, $"Dear customer, @{Handle(otherMember)} will call you.", visibility: "public")).EnsureSuccessStatusCode();

        Assert.Single(await MentionsOfAsync(app, otherMember));
        Assert.Single(await MentionsOfAsync(app, manager));
        Assert.Empty(await MentionsOfAsync(app, outsider));
        Assert.Empty(await MentionsOfAsync(app, member));
        await app.DeliverAsync();
        Assert.DoesNotContain(scenario.Sink.Received(), m => m.To.Contains(outsider.Email) || m.To.Contains(member.Email));
    }

    [Theory, Providers]
    public async Task AHandleThatFitsTwoAddresses_NamesNobody_UntilWrittenInFull(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var app = scenario.App;
        var local = "sam" + Guid.NewGuid().ToString("N")[..8];
        var first = await app.CreateUserAsync(Role.Agent, $"{local}@one.example");
        var second = await app.CreateUserAsync(Role.Agent, $"{local}@two.example");
        var inactive = await app.CreateUserAsync(Role.Agent);
        await app.WithDbAsync(d => d.Users.Where(u => u.Id == inactive.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var (_, client) = await app.SignInAsync(Role.Agent);
        var number = await TicketByMailAsync(scenario);

        (await NoteAsync(client, number, $"@{local} and @{Handle(inactive)}, over to you")).EnsureSuccessStatusCode();
        Assert.Empty(await MentionsOfAsync(app, first));
        Assert.Empty(await MentionsOfAsync(app, second));

        (await NoteAsync(client, number, $"I mean @{local}@two.example")).EnsureSuccessStatusCode();
        Assert.Empty(await MentionsOfAsync(app, first));
        Assert.Single(await MentionsOfAsync(app, second));
    }

    [Theory, Providers]
    public async Task TurningANoticeEmailOff_StopsTheEmail_NotTheWorkspaceNotice(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var app = scenario.App;
        var agent = await app.CreateUserAsync(Role.Agent);
        var settings = app.ClientFor(agent);
        Assert.Equal(new NoticePreferencesDto(true, true, true),
            await (await settings.GetAsync("/api/v1/me/notification-settings")).ReadAsync<NoticePreferencesDto>());
        var saved = await (await settings.PutAsJsonAsync("/api/v1/me/notification-settings",
            new { emailWhenAssigned = false, emailWhenCustomerReplies = true, emailWhenMentioned = false })).ReadAsync<NoticePreferencesDto>();
        Assert.Equal(new NoticePreferencesDto(false, true, false), saved);
        Assert.Equal(saved, await (await settings.GetAsync("/api/v1/me/notification-settings")).ReadAsync<NoticePreferencesDto>());

        var number = await TicketByMailAsync(scenario);
        (await scenario.Client.PatchJsonAsync($"/api/v1/tickets/{number}", new { assigneeId = agent.Id })).EnsureSuccessStatusCode();
        var (_, colleague) = await app.SignInAsync(Role.Agent);
        (await NoteAsync(colleague, number, $"@{Handle(agent)} heads up")).EnsureSuccessStatusCode();

        Assert.Single(await MentionsOfAsync(app, agent));
        await app.DeliverAsync();
        Assert.Empty(scenario.Sink.Received());
    }

    [Theory, Providers]
    public async Task NotificationSettings_NeedEveryChoice_AndAreForStaffOnly(Db db)
    {
        var (app, _) = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var refused = await agent.PutAsJsonAsync("/api/v1/me/notification-settings", new { emailWhenAssigned = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("emailWhenCustomerReplies", problem);
        Assert.Contains("emailWhenMentioned", problem);

        var (_, customer) = await app.SignInAsync(Role.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/me/notification-settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/me/notification-settings")).StatusCode);
    }
}

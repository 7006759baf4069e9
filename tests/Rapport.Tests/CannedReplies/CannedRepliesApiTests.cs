using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.CannedReplies;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;
using Rapport.Tests.Routing;

namespace Rapport.Tests.CannedReplies;

/// <summary>Canned replies through the API: who sees and changes which, validation, rendering for a ticket, macros.</summary>
public class CannedRepliesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task List_ShowsShared_OwnPersonal_AndOwnTeams_Only(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (author, authorClient) = await app.SignInAsync(Role.Agent);
        var (member, memberClient) = await app.SignInAsync(Role.Agent);
        var (lead, leadClient) = await app.SignInAsync(Role.TeamLead);
        var (_, outsider) = await app.SignInAsync(Role.Agent);
        var team = await admin.CreateTeamAsync();
        await admin.AddMemberAsync(team.Id, member.Id);
        await admin.AddMemberAsync(team.Id, lead.Id);
        var token = CannedReplyRequests.Token();

        var personal = await authorClient.CreateCannedReplyAsync(new { title = $"{token} mine", body = "Just me." });
        await leadClient.CreateCannedReplyAsync(new { title = $"{token} team", body = "For the team.", scope = "team", teamId = team.Id });
        await leadClient.CreateCannedReplyAsync(new { title = $"{token} shared", body = "For all." });
        await leadClient.CreateCannedReplyAsync(new { title = $"{token} everyone", body = "For all.", scope = "shared" });

        Assert.Equal([$"{token} everyone", $"{token} mine"], await authorClient.CannedTitlesAsync(token));
        Assert.Equal([$"{token} everyone", $"{token} team"], await memberClient.CannedTitlesAsync(token));
        Assert.Equal([$"{token} everyone"], await outsider.CannedTitlesAsync(token));
        // Managers and admins see every team's replies, never someone's personal ones.
        Assert.Equal([$"{token} everyone", $"{token} team"], await admin.CannedTitlesAsync(token));
        Assert.Equal(CannedReplyScope.Personal, personal.Scope);
        Assert.Equal(author.Id, personal.OwnerId);
        await (await memberClient.GetAsync($"/api/v1/canned-replies/{personal.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/canned-replies/{personal.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task List_PagesByTitle_AndFiltersByLanguageKeepingAnyLanguage(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = CannedReplyRequests.Token();
        foreach (var (title, language) in new[] { ("a", "de"), ("b", (string?)null), ("c", "en"), ("d", "de") })
            await agent.CreateCannedReplyAsync(new { title = $"{token} {title}", body = "Text", language });

        var first = await (await agent.GetAsync($"/api/v1/canned-replies?q={token.ToUpperInvariant()}&limit=3")).ReadAsync<Rapport.Infrastructure.Paging.Page<CannedReplyDto>>();
        Assert.Equal(["a", "b", "c"], first.Items.Select(r => r.Title[^1..]));
        var rest = await (await agent.GetAsync($"/api/v1/canned-replies?q={token}&limit=3&cursor={first.NextCursor}")).ReadAsync<Rapport.Infrastructure.Paging.Page<CannedReplyDto>>();
        Assert.Equal(["d"], rest.Items.Select(r => r.Title[^1..]));
        Assert.Null(rest.NextCursor);
        var german = await (await agent.GetAsync($"/api/v1/canned-replies?q={token}&language=de")).ReadAsync<Rapport.Infrastructure.Paging.Page<CannedReplyDto>>();
        Assert.Equal(["a", "b", "d"], german.Items.Select(r => r.Title[^1..]));
        await (await agent.GetAsync("/api/v1/canned-replies?language=not a tag")).InvalidAsync("language");
        await (await agent.GetAsync("/api/v1/canned-replies?cursor=nonsense")).InvalidAsync("cursor");
    }

    [Theory, Providers]
    public async Task Create_NamesEachWrongField_AndAnUnknownPlaceholderOnBody(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var unknown = await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "Hello", body = "Hi {{customer.frist_name}}" })).InvalidAsync("body");
        Assert.Contains("customer.frist_name", unknown["errors"]!["body"]![0]!.GetValue<string>());
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { body = "Text" })).InvalidAsync("title");
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "" })).InvalidAsync("body");
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", language = "english" })).InvalidAsync("language");
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", scope = "team" })).InvalidAsync("teamId");
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", setTeamId = 999999999 })).InvalidAsync("setTeamId");
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", setStatus = "new" })).InvalidAsync("setStatus");
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", addTags = new[] { "no/slash" } })).InvalidAsync("addTags[0]");
    }

    [Theory, Providers]
    public async Task Changes_FollowTheScopeRules_AndEveryWriteIsAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (member, agent) = await app.SignInAsync(Role.Agent);
        var (lead, leadClient) = await app.SignInAsync(Role.TeamLead);
        var (_, otherLead) = await app.SignInAsync(Role.TeamLead);
        var team = await admin.CreateTeamAsync();
        await admin.AddMemberAsync(team.Id, member.Id);
        await admin.AddMemberAsync(team.Id, lead.Id);

        // Agents write personal replies only; a lead writes for a team they belong to.
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", scope = "shared" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", scope = "team", teamId = team.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherLead.PostAsJsonAsync("/api/v1/canned-replies", new { title = "T", body = "B", scope = "team", teamId = team.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        var teamReply = await leadClient.CreateCannedReplyAsync(new { title = "Team hello", body = "Hello", scope = "team", teamId = team.Id });

        // The member uses it but may not change it; the lead may, though not move it out to a team they do not lead.
        await (await agent.PutAsJsonAsync($"/api/v1/canned-replies/{teamReply.Id}", new { title = "Mine now", body = "B" })).ProblemAsync(HttpStatusCode.Forbidden);
        var otherTeam = await admin.CreateTeamAsync();
        await (await leadClient.PutAsJsonAsync($"/api/v1/canned-replies/{teamReply.Id}", new { title = "Moved", body = "B", scope = "team", teamId = otherTeam.Id }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var renamed = await (await leadClient.PutAsJsonAsync($"/api/v1/canned-replies/{teamReply.Id}",
            new { title = "Team welcome", body = "Welcome", scope = "team", teamId = team.Id })).ReadAsync<CannedReplyDto>();
        Assert.Equal("Team welcome", renamed.Title);
        await (await agent.DeleteAsync($"/api/v1/canned-replies/{teamReply.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/canned-replies/{teamReply.Id}")).StatusCode);
        await (await leadClient.GetAsync($"/api/v1/canned-replies/{teamReply.Id}")).ProblemAsync(HttpStatusCode.NotFound);

        var actions = await app.WithDbAsync(data => data.AuditEvents
            .Where(e => e.EntityType == CannedReplyAudit.EntityType && e.EntityId == teamReply.Id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["created", "updated", "deleted"], actions);
    }

    [Theory, Providers]
    public async Task Render_FillsThePlaceholdersForTheTicketAndTheAgent(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();
        var reply = await agent.CreateCannedReplyAsync(new
        {
            title = "Parcel",
            body = "Hi {{customer.first_name}} ({{ customer.name }}), about #{{ticket.number}} \"{{ticket.subject}}\".\n{{agent.name}}",
            setStatus = "pending",
            addTags = new[] { "Parcel Late" },
        });

        var rendered = await (await agent.PostAsync($"/api/v1/tickets/{ticket.Number}/canned-replies/{reply.Id}/render", null)).ReadAsync<RenderedCannedReply>();

        var me = await (await agent.GetAsync("/api/v1/me")).ReadAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal($"Hi Pat (Pat Parcel), about #{ticket.Number} \"Where is my parcel?\".\n{me["name"]!.GetValue<string>()}", rendered.Body);
        Assert.Equal(TicketStatus.Pending, rendered.Changes.Status);
        Assert.Equal(["parcel_late"], rendered.Changes.AddTags);
        // Rendering changes nothing.
        Assert.Equal(TicketStatus.New, (await agent.GetTicketAsync(ticket.Number)).Status);
        await (await agent.PostAsync($"/api/v1/tickets/999999999/canned-replies/{reply.Id}/render", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Apply_SetsTheMacroFieldsThroughTheTicketRules(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var team = await admin.CreateTeamAsync();
        var ticket = await agent.CreateTicketAsync(tags: ["parcel"]);
        var macro = await agent.CreateCannedReplyAsync(new
        {
            title = "Waiting", body = "We are waiting for {{customer.first_name}}.", setStatus = "pending", setPriority = "high", setTeamId = team.Id,
            addTags = new[] { "waiting" },
        });

        var applied = await (await agent.PostAsync($"/api/v1/tickets/{ticket.Number}/canned-replies/{macro.Id}/apply", null)).ReadAsync<RenderedCannedReply>();

        Assert.Equal("We are waiting for Pat.", applied.Body);
        var after = await agent.GetTicketAsync(ticket.Number);
        Assert.Equal((TicketStatus.Pending, Priority.High, team.Id), (after.Status, after.Priority, after.Team?.Id));
        Assert.Equal(["parcel", "waiting"], after.Tags.Order());

        // Solving needs an assignee: the macro is refused as the same change by hand would be, and nothing changes.
        var solve = await agent.CreateCannedReplyAsync(new { title = "Solve", body = "Done.", setStatus = "solved", setPriority = "low" });
        await (await agent.PostAsync($"/api/v1/tickets/{ticket.Number}/canned-replies/{solve.Id}/apply", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((TicketStatus.Pending, Priority.High), ((await agent.GetTicketAsync(ticket.Number)).Status, (await agent.GetTicketAsync(ticket.Number)).Priority));
    }
}

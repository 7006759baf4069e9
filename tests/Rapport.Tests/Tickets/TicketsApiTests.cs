using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

public class TicketsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static object NewTicket(string email, string subject = "Cannot sign in", string? channel = null) => new
    {
        subject,
        body = "Since Monday the portal says my password is wrong.",
        requester = new { email, name = "Jo Bloggs" },
        channel = channel ?? "phone",
        priority = "high",
        type = "problem",
        tags = new[] { "Sign In", "portal" },
    };

    [Theory, Providers]
    public async Task Create_ThenRead_ReturnsTicketWithRequesterAndFirstMessage(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("jo");

        var response = await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email));
        var created = await response.ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tickets/{created.Number}", response.Headers.Location?.ToString());
        Assert.Equal(TicketStatus.New, created.Status);
        Assert.Equal(Priority.High, created.Priority);
        Assert.Equal(Channel.Phone, created.Channel);
        Assert.Equal(email, created.Requester.Email);
        Assert.Equal(["portal", "sign_in"], created.Tags);

        var read = await (await agent.GetAsync($"/api/v1/tickets/{created.Number}")).ReadAsync<TicketDto>();
        Assert.Equivalent(created, read, strict: true);
        var messages = await (await agent.GetAsync($"/api/v1/tickets/{created.Number}/messages")).ReadAsync<Page<MessageDto>>();
        var first = Assert.Single(messages.Items);
        Assert.Equal(Direction.Inbound, first.Direction);
        Assert.Equal(created.Requester.Id, first.AuthorCustomer?.Id);
    }

    [Theory, Providers]
    public async Task Create_ForKnownEmail_ReusesTheCustomer(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("repeat");
        var first = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var second = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email.ToUpperInvariant()))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal(first.Requester.Id, second.Requester.Id);
        Assert.NotEqual(first.Number, second.Number);
    }

    [Theory, Providers]
    public async Task Reply_FromStaff_OpensTicketAndStampsFirstResponse(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(RapportApp.UniqueEmail()))).ReadAsync<TicketDto>(HttpStatusCode.Created);

        var note = await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Checking the logs", visibility = "internal" });
        Assert.Equal(MessageVisibility.Internal, (await note.ReadAsync<MessageDto>(HttpStatusCode.Created)).Visibility);
        Assert.Null((await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>()).FirstRespondedAt);

        var reply = await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Please reset it from the link.", status = "pending" });
        var message = await reply.ReadAsync<MessageDto>(HttpStatusCode.Created);
        Assert.Equal(Direction.Outbound, message.Direction);
        var after = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>();
        Assert.Equal(TicketStatus.Pending, after.Status);
        Assert.NotNull(after.FirstRespondedAt);
    }

    [Theory, Providers]
    public async Task Reply_FromCustomer_ReopensSolvedTicket(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var (customerUser, customer) = await app.SignInAsync(Role.Customer);
        var ticket = await (await customer.PostAsJsonAsync("/api/v1/tickets", new { subject = "Refund", body = "Where is my refund?" }))
            .ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal(customerUser.CustomerId, ticket.Requester.Id);
        Assert.Equal(Channel.Web, ticket.Channel);

        await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { assigneeId = agentUser.Id, status = "solved" })).ReadAsync<TicketDto>();
        await (await customer.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Still nothing." }))
            .ReadAsync<MessageDto>(HttpStatusCode.Created);
        var reopened = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>();
        Assert.Equal(TicketStatus.Open, reopened.Status);
        Assert.Null(reopened.SolvedAt);
    }

    [Theory, Providers]
    public async Task Update_WithStaleETag_Is412_AndChangesNothing(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var created = await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(RapportApp.UniqueEmail()));
        var ticket = await created.ReadAsync<TicketDto>(HttpStatusCode.Created);
        var etag = created.Headers.ETag!.ToString();

        var first = await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "urgent" }, etag);
        var updated = await first.ReadAsync<TicketDto>();
        Assert.Equal(Priority.Urgent, updated.Priority);
        Assert.NotEqual(etag, first.Headers.ETag!.ToString());

        var stale = await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "low" }, etag);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(Priority.Urgent, (await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>()).Priority);
    }

    [Theory, Providers]
    public async Task Update_RefusedTransition_Is409WithReason(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(RapportApp.UniqueEmail()))).ReadAsync<TicketDto>(HttpStatusCode.Created);

        var problem = await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { status = "solved", priority = "low" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("assignee", problem["detail"]!.GetValue<string>());
        var unchanged = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>();
        Assert.Equal(TicketStatus.New, unchanged.Status);
        Assert.Equal(Priority.High, unchanged.Priority);
    }

    [Theory, Providers]
    public async Task Update_WritesAuditWithBeforeAndAfter(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(RapportApp.UniqueEmail()))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}",
            new { priority = "low", status = "open", assigneeId = agentUser.Id, tags = new[] { "portal", "vip" } })).ReadAsync<TicketDto>();

        var audit = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/audit")).ReadAsync<Page<AuditEventDto>>();
        Assert.Equal("created", audit.Items[0].Action);
        var created = JsonNode.Parse(audit.Items[0].Changes.GetRawText())!;
        Assert.Equal("Cannot sign in", created["subject"]!["after"]!.GetValue<string>());
        Assert.Equal("high", created["priority"]!["after"]!.GetValue<string>());
        Assert.Equal("new", created["status"]!["after"]!.GetValue<string>());
        var update = audit.Items.Single(a => a.Action == "updated");
        Assert.Equal(agentUser.Id, update.ActorUserId);
        var changes = JsonNode.Parse(update.Changes.GetRawText())!;
        Assert.Equal("high", changes["priority"]!["before"]!.GetValue<string>());
        Assert.Equal("low", changes["priority"]!["after"]!.GetValue<string>());
        Assert.Equal("new", changes["status"]!["before"]!.GetValue<string>());
        Assert.Equal("open", changes["status"]!["after"]!.GetValue<string>());
        Assert.Null(changes["assigneeId"]!["before"]);
        Assert.Equal(agentUser.Id.ToString(), changes["assigneeId"]!["after"]!.GetValue<string>());
        Assert.Equal("portal, sign_in", changes["tags"]!["before"]!.GetValue<string>());
        Assert.Equal("portal, vip", changes["tags"]!["after"]!.GetValue<string>());
        Assert.False(changes.AsObject().ContainsKey("subject"));
    }

    [Theory, Providers]
    public async Task Create_WithSameIdempotencyKey_CreatesOnce(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("idem");
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> PostAsync(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await agent.SendAsync(request);
        }

        var first = await (await PostAsync(NewTicket(email))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var repeat = await PostAsync(NewTicket(email));
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Number, (await repeat.ReadAsync<TicketDto>(HttpStatusCode.Created)).Number);

        var customerId = first.Requester.Id;
        var tickets = await (await agent.GetAsync($"/api/v1/tickets?requester={customerId}")).ReadAsync<Page<TicketDto>>();
        Assert.Single(tickets.Items);

        await (await PostAsync(NewTicket(email, subject: "Something else"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory, Providers]
    public async Task Create_ConcurrentRepeatsOfOneKey_CreateOneTicket(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("race");
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(NewTicket(email)) };
            request.Headers.Add("Idempotency-Key", key);
            return await agent.SendAsync(request);
        }));
        var numbers = new HashSet<long>();
        foreach (var response in responses) numbers.Add((await response.ReadAsync<TicketDto>(HttpStatusCode.Created)).Number);
        Assert.Single(numbers);
        var count = await app.WithDbAsync(async data => await Task.FromResult(data.Tickets.Count(t => t.Requester.Emails.Any(e => e.Address == email))));
        Assert.Equal(1, count);
    }

    [Theory, Providers]
    public async Task List_PagesByCursor_WithoutGapsOrRepeats(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("pages");
        var created = new List<long>();
        for (var i = 0; i < 7; i++)
            created.Add((await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email, $"Ticket {i}"))).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number);
        var requester = (await (await agent.GetAsync($"/api/v1/tickets/{created[0]}")).ReadAsync<TicketDto>()).Requester.Id;

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/tickets?requester={requester}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await (await agent.GetAsync(url)).ReadAsync<Page<TicketDto>>();
            seen.AddRange(page.Items.Select(t => t.Number));
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Theory, Providers]
    public async Task List_FiltersByStatusPriorityAndAssignee(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("filters");
        var a = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var b = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        await (await agent.PatchJsonAsync($"/api/v1/tickets/{b.Number}", new { assigneeId = agentUser.Id, status = "pending", priority = "low" })).ReadAsync<TicketDto>();

        var requester = a.Requester.Id;
        async Task<long[]> NumbersAsync(string query) =>
            (await (await agent.GetAsync($"/api/v1/tickets?requester={requester}&{query}")).ReadAsync<Page<TicketDto>>()).Items.Select(t => t.Number).ToArray();
        Assert.Equal([b.Number], await NumbersAsync("status=pending"));
        Assert.Equal([b.Number, a.Number], await NumbersAsync("status=new,pending"));
        Assert.Equal([b.Number], await NumbersAsync("priority=low"));
        Assert.Equal([b.Number], await NumbersAsync("assignee=me"));
        Assert.Equal([a.Number], await NumbersAsync("assignee=none"));
        await (await agent.GetAsync("/api/v1/tickets?status=done")).InvalidAsync("status");
        await (await agent.GetAsync("/api/v1/tickets?cursor=nonsense")).InvalidAsync("cursor");
        await (await agent.GetAsync("/api/v1/tickets?limit=1000")).InvalidAsync("limit");
    }

    [Theory, Providers]
    public async Task Create_ConcurrentlyForOneNewEmail_MakesOneCustomer(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("burst");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email, $"Burst {i}"))));
        var tickets = new List<TicketDto>();
        foreach (var response in responses) tickets.Add(await response.ReadAsync<TicketDto>(HttpStatusCode.Created));
        Assert.Single(tickets.Select(t => t.Requester.Id).Distinct());
        Assert.Equal(8, tickets.Select(t => t.Number).Distinct().Count());
    }

    [Theory, Providers]
    public async Task List_SortsByUpdateOrCreation_AndPagesInEachOrder(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("sorts");
        var created = new List<long>();
        for (var i = 0; i < 5; i++)
            created.Add((await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(email, $"Sort {i}"))).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number);
        // Touch the oldest ticket: it becomes the most recently updated.
        await (await agent.PatchJsonAsync($"/api/v1/tickets/{created[0]}", new { priority = "low" })).ReadAsync<TicketDto>();
        var requester = (await (await agent.GetAsync($"/api/v1/tickets/{created[0]}")).ReadAsync<TicketDto>()).Requester.Id;

        async Task<List<long>> AllAsync(string sort)
        {
            var seen = new List<long>();
            string? cursor = null;
            do
            {
                var page = await (await agent.GetAsync($"/api/v1/tickets?requester={requester}&limit=2&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}")))
                    .ReadAsync<Page<TicketDto>>();
                seen.AddRange(page.Items.Select(t => t.Number));
                cursor = page.NextCursor;
            } while (cursor is not null);
            return seen;
        }

        Assert.Equal(created, await AllAsync("created_asc"));
        Assert.Equal(created.AsEnumerable().Reverse(), await AllAsync("created_desc"));
        Assert.Equal(created.Skip(1).Append(created[0]), await AllAsync("updated_asc"));
        Assert.Equal(created.Skip(1).Append(created[0]).Reverse(), await AllAsync("updated_desc"));
        await (await agent.GetAsync("/api/v1/tickets?sort=priority")).InvalidAsync("sort");
    }
}

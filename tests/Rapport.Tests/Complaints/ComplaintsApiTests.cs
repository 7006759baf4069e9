using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Audit;
using Rapport.Features.Complaints;
using Rapport.Features.Complaints.Deadlines;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Complaints;

public class ComplaintsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_OfTypeComplaint_OpensTheProcedureWithDeadlinesFromTheRules(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();

        var complaint = await agent.ComplaintAsync(ticket.Number);
        Assert.Equal(ComplaintStage.Received, complaint.Stage);
        Assert.Equal(ticket.CreatedAt, complaint.ReceivedAt);
        Assert.Equal(DeadlineCalculator.DueAt(ticket.CreatedAt, 1, DeadlineUnit.BusinessDays, null), complaint.AcknowledgeBy);
        Assert.Equal(ticket.CreatedAt.AddDays(56), complaint.RespondBy);
        Assert.All(complaint.Deadlines, d => Assert.False(d.Overdue));
        Assert.NotNull(complaint.SolveRefusal);
    }

    [Theory, Providers]
    public async Task TypeChange_ToComplaint_OpensTheProcedure(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(type: "question");
        await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/complaint")).ProblemAsync(HttpStatusCode.NotFound);

        await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { type = "complaint" })).ReadAsync<TicketDto>();
        var complaint = await agent.ComplaintAsync(ticket.Number);
        Assert.Equal(ComplaintStage.Received, complaint.Stage);
        Assert.True(complaint.ReceivedAt >= ticket.CreatedAt);
    }

    [Theory, Providers]
    public async Task Stages_MoveThroughTheProcedure_StampingEachAndAuditingEachChange(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();

        var responded = await agent.TakeToRespondedAsync(ticket.Number);
        Assert.Equal(ComplaintStage.Responded, responded.Stage);
        Assert.NotNull(responded.AcknowledgedAt);
        Assert.NotNull(responded.InvestigatingAt);
        Assert.NotNull(responded.DecidedAt);
        Assert.NotNull(responded.RespondedAt);
        Assert.Equal(new RootCauseRef("charges_fees", "Charges or fees"), responded.RootCause);
        Assert.Equal(ComplaintDecision.Upheld, responded.Decision);
        Assert.All(responded.Deadlines, d => Assert.NotNull(d.MetAt));

        var answered = await agent.MoveAsync(ticket.Number, new { customerResponse = "accepted" });
        Assert.Equal(RemedyResponse.Accepted, answered.CustomerResponse);
        Assert.Null(answered.SolveRefusal);

        var audit = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/audit?limit=100")).ReadAsync<Page<AuditEventDto>>();
        var complaintEvents = audit.Items.Where(e => e.EntityType == "complaint").ToList();
        Assert.Contains(complaintEvents, e => e.Action == "opened");
        Assert.Equal(5, complaintEvents.Count(e => e.Action == "updated"));
    }

    [Theory, Providers]
    public async Task Stages_RefusedMoves_Are409sThatSayWhy(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();
        var number = ticket.Number;

        var skip = await (await agent.PatchComplaintAsync(number, new { stage = "decided" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Stages move one at a time: record acknowledged before decided.", skip["detail"]!.GetValue<string>());
        var early = await (await agent.PatchComplaintAsync(number, new { stage = "investigating" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Acknowledge the complaint first", early["detail"]!.GetValue<string>());
        var answer = await (await agent.PatchComplaintAsync(number, new { customerResponse = "declined" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("after the final response", answer["detail"]!.GetValue<string>());

        await agent.MoveAsync(number, new { stage = "acknowledged" });
        await agent.MoveAsync(number, new { stage = "investigating", rootCause = "delay" });
        var undecided = await (await agent.PatchComplaintAsync(number, new { stage = "decided", decision = "not_upheld" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("(missing: remedy)", undecided["detail"]!.GetValue<string>());
        // A refused request changes nothing, not even the fields it carried.
        Assert.Null((await agent.ComplaintAsync(number)).Decision);

        await agent.MoveAsync(number, new { stage = "decided", decision = "not_upheld", remedy = "An apology and an explanation." });
        var back = await (await agent.PatchComplaintAsync(number, new { stage = "acknowledged" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("only moves forward", back["detail"]!.GetValue<string>());
        var cleared = await (await agent.PatchComplaintAsync(number, new { remedy = "" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("keeps its remedy", cleared["detail"]!.GetValue<string>());
    }

    [Theory, Providers]
    public async Task Stages_AfterAPublicReply_MayGoStraightToInvestigating(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();
        await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "We are sorry and are looking into it." });
        var replied = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>();

        var complaint = await agent.MoveAsync(ticket.Number, new { stage = "investigating" });
        Assert.Equal(ComplaintStage.Investigating, complaint.Stage);
        Assert.Equal(replied.FirstRespondedAt, complaint.AcknowledgedAt);
    }

    [Theory, Providers]
    public async Task Solve_WithoutRootCauseRemedyAndTheCustomersResponse_IsRefusedWith409(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(assigneeId: agentUser.Id);

        var patch = await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { status = "solved" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("root cause, remedy, the customer's response", patch["detail"]!.GetValue<string>());

        await agent.TakeToRespondedAsync(ticket.Number);
        var reply = await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Here is our final response.", status = "solved" });
        var refused = await reply.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("(missing: the customer's response)", refused["detail"]!.GetValue<string>());
        Assert.Equal(TicketStatus.New, (await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>()).Status);
    }

    [Theory, Providers]
    public async Task Solve_OnceEverythingIsRecorded_IsAllowed(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(assigneeId: agentUser.Id);
        await agent.TakeToRespondedAsync(ticket.Number);
        await agent.MoveAsync(ticket.Number, new { customerResponse = "declined" });

        var reply = await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Thank you; we have noted that you decline.", status = "solved" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(TicketStatus.Solved, (await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}")).ReadAsync<TicketDto>()).Status);
    }

    [Theory, Providers]
    public async Task Solve_OfOtherTypes_IsNotAffected(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(type: "problem", assigneeId: agentUser.Id);
        await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { status = "solved" })).ReadAsync<TicketDto>();
    }

    [Theory, Providers]
    public async Task Update_WithInvalidFields_NamesThem(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();

        await (await agent.PatchComplaintAsync(ticket.Number, new { rootCause = "no_such_cause" })).InvalidAsync("rootCause");
        await (await agent.PatchComplaintAsync(ticket.Number, new { remedy = new string('x', ComplaintLimits.TextLength + 1) })).InvalidAsync("remedy");
        await (await agent.PatchComplaintAsync(ticket.Number, new { decisionNotes = "a\u0000b" })).InvalidAsync("decisionNotes");
        await (await agent.PatchComplaintAsync(ticket.Number, new { stage = (string?)null })).InvalidAsync("stage");
        await (await agent.PatchComplaintAsync(ticket.Number, new { customerResponse = (string?)null })).InvalidAsync("customerResponse");
        await (await agent.PatchComplaintAsync(ticket.Number, new { stage = "escalated" })).InvalidAsync("stage");
        await (await agent.PatchComplaintAsync(ticket.Number, new { decision = "maybe" })).InvalidAsync("decision");
    }

    [Theory, Providers]
    public async Task Update_OfATicketThatIsNoComplaint_Is404(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(type: "question");
        var problem = await (await agent.PatchComplaintAsync(ticket.Number, new { stage = "acknowledged" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("is not a complaint", problem["detail"]!.GetValue<string>());
        await (await agent.PatchComplaintAsync(99_999_999, new { stage = "acknowledged" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Customers_NeverSeeTheComplaint(Db db)
    {
        var app = await fixture.For(db);
        var customer = await app.CreateUserAsync(Role.Customer);
        var client = app.ClientFor(customer);
        var ticket = await (await client.PostAsJsonAsync("/api/v1/tickets", new { subject = "Complaint", body = "I want to complain.", type = "complaint" }))
            .ReadAsync<TicketDto>(HttpStatusCode.Created);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        await agent.MoveAsync(ticket.Number, new { stage = "acknowledged" });
        await agent.MoveAsync(ticket.Number, new { stage = "investigating", rootCause = "staff_conduct", decisionNotes = "Internal: the caller was rude to us first." });

        await (await client.GetAsync($"/api/v1/tickets/{ticket.Number}/complaint")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PatchComplaintAsync(ticket.Number, new { stage = "decided" })).ProblemAsync(HttpStatusCode.Forbidden);
        var seen = await (await client.GetAsync($"/api/v1/tickets/{ticket.Number}")).Content.ReadAsStringAsync();
        var messages = await (await client.GetAsync($"/api/v1/tickets/{ticket.Number}/messages")).Content.ReadAsStringAsync();
        foreach (var text in new[] { seen, messages })
        {
            Assert.DoesNotContain("staff_conduct", text, StringComparison.Ordinal);
            Assert.DoesNotContain("rude", text, StringComparison.Ordinal);
            Assert.DoesNotContain("rootCause", text, StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task Update_OnAClosedTicket_IsRefused(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(assigneeId: agentUser.Id);
        await agent.TakeToRespondedAsync(ticket.Number);
        await agent.MoveAsync(ticket.Number, new { customerResponse = "accepted" });
        await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { status = "solved" })).ReadAsync<TicketDto>();
        await (await agent.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { status = "closed" })).ReadAsync<TicketDto>();

        var problem = await (await agent.PatchComplaintAsync(ticket.Number, new { remedy = "Something else" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("closed ticket is final", problem["detail"]!.GetValue<string>());
    }

    [Theory, Providers]
    public async Task List_ForSupervisors_OrdersOpenComplaintsByTheNearestDeadline(Db db)
    {
        var app = await fixture.For(db);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var later = await lead.CreateTicketAsync();
        await lead.MoveAsync(later.Number, new { stage = "acknowledged" }); // next deadline: the final response, weeks away
        var sooner = await lead.CreateTicketAsync();                        // next deadline: the acknowledgement
        var answered = await lead.CreateTicketAsync();
        await lead.TakeToRespondedAsync(answered.Number);                   // no deadline left: listed last

        var all = new List<ComplaintSummaryDto>();
        string? cursor = null;
        do
        {
            var page = await (await lead.GetAsync($"/api/v1/complaints?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadAsync<Page<ComplaintSummaryDto>>();
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(all.Count, all.Select(c => c.TicketNumber).Distinct().Count());
        var mine = all.Where(c => c.TicketNumber == later.Number || c.TicketNumber == sooner.Number || c.TicketNumber == answered.Number)
            .Select(c => c.TicketNumber).ToList();
        Assert.Equal([sooner.Number, later.Number, answered.Number], mine);
        var dated = all.TakeWhile(c => c.NextDeadlineAt is not null).ToList();
        Assert.Equal(dated.OrderBy(c => c.NextDeadlineAt).ThenBy(c => c.TicketNumber).Select(c => c.TicketNumber), dated.Select(c => c.TicketNumber));
        Assert.All(all.Skip(dated.Count), c => Assert.Null(c.NextDeadlineAt));

        await (await lead.GetAsync("/api/v1/complaints?cursor=nonsense")).InvalidAsync("cursor");
    }
}

using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Complaints;
using Rapport.Features.Complaints.Deadlines;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Tests.Infrastructure;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.Complaints;

/// <summary>Deadline rules, root causes and the complaints team are settings of the whole installation: this class has its own app.</summary>
public class DeadlinesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task List_StartsWithTheExampleRules(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var rules = await (await agent.GetAsync("/api/v1/deadlines")).ReadAsync<List<DeadlineRuleDto>>();

        var final = rules.Single(r => r.Key == DeadlineKeys.ComplaintFinalResponse);
        Assert.Equal((8, DeadlineUnit.Weeks, DeadlineBasis.Statutory), (final.Amount, final.Unit, final.Basis));
        Assert.Contains("DISP", final.Reference);
        Assert.Contains(rules, r => r.Key == DeadlineKeys.RefundWindow && r.Unit == DeadlineUnit.CalendarDays);
    }

    [Theory, Providers]
    public async Task Update_ChangesTheDeadlinesOfComplaintsReceivedFromThenOn_CountedInItsCalendar(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var before = await manager.CreateTicketAsync();
        var calendarId = await app.WithDbAsync(async data =>
        {
            var calendar = new ServiceCalendar
            {
                Name = "London office " + Guid.NewGuid().ToString("N")[..6],
                TimeZone = "Europe/London",
                WeeklyHours = """{"monday":["09:00-17:00"],"tuesday":["09:00-17:00"],"wednesday":["09:00-17:00"],"thursday":["09:00-17:00"],"friday":["09:00-17:00"]}""",
            };
            data.Calendars.Add(calendar);
            await data.SaveChangesAsync();
            return calendar.Id;
        });

        var rule = await (await manager.PatchJsonAsync($"/api/v1/deadlines/{DeadlineKeys.ComplaintAcknowledgement}", new { amount = 2, calendarId }))
            .ReadAsync<DeadlineRuleDto>();
        Assert.Equal(2, rule.Amount);
        Assert.Equal(calendarId, rule.Calendar?.Id);

        var after = await manager.CreateTicketAsync();
        var complaint = await manager.ComplaintAsync(after.Number);
        Assert.Equal(DeadlineCalculator.DueAt(after.CreatedAt, 2, DeadlineUnit.BusinessDays, Office("Europe/London")), complaint.AcknowledgeBy);
        var earlier = await manager.ComplaintAsync(before.Number);
        Assert.Equal(DeadlineCalculator.DueAt(before.CreatedAt, 1, DeadlineUnit.BusinessDays, null), earlier.AcknowledgeBy);

        await (await manager.PatchJsonAsync($"/api/v1/deadlines/{DeadlineKeys.ComplaintAcknowledgement}", new { amount = 1, calendarId = (long?)null }))
            .ReadAsync<DeadlineRuleDto>();
    }

    [Theory, Providers]
    public async Task Update_WithInvalidFields_NamesThem(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var url = $"/api/v1/deadlines/{DeadlineKeys.RefundWindow}";
        await (await manager.PatchJsonAsync(url, new { amount = 0 })).InvalidAsync("amount");
        await (await manager.PatchJsonAsync(url, new { amount = DeadlineLimits.MaxAmount + 1 })).InvalidAsync("amount");
        await (await manager.PatchJsonAsync(url, new { unit = (string?)null })).InvalidAsync("unit");
        await (await manager.PatchJsonAsync(url, new { unit = "fortnights" })).InvalidAsync("unit");
        await (await manager.PatchJsonAsync(url, new { name = " " })).InvalidAsync("name");
        await (await manager.PatchJsonAsync(url, new { calendarId = 999_999_999 })).InvalidAsync("calendarId");
        await (await manager.PatchJsonAsync(url, new { reference = new string('r', DeadlineLimits.ReferenceLength + 1) })).InvalidAsync("reference");
        await (await manager.PatchJsonAsync("/api/v1/deadlines/no_such_rule", new { amount = 3 })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Create_AddsARightOfTheOrganisationsOwn_OnceByKey(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var key = "warranty_" + Guid.NewGuid().ToString("N")[..8];
        var body = new { key, name = "Claim under the warranty", amount = 2, unit = "weeks", basis = "organisational", reference = "Our terms, section 9." };

        var created = await (await manager.PostAsJsonAsync("/api/v1/deadlines", body)).ReadAsync<DeadlineRuleDto>(HttpStatusCode.Created);
        Assert.Equal((key, DeadlineBasis.Organisational), (created.Key, created.Basis));
        await (await manager.PostAsJsonAsync("/api/v1/deadlines", body)).ProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostAsJsonAsync("/api/v1/deadlines", body with { key = "Warranty Claim" })).InvalidAsync("key");
        var missing = await (await manager.PostAsJsonAsync("/api/v1/deadlines", new { key = "x_" + key })).InvalidAsync("name");
        Assert.True(missing["errors"]!.AsObject().ContainsKey("amount"));
    }

    [Theory, Providers]
    public async Task RootCauses_AreAddedRetiredAndNoLongerOffered(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var name = "Missed appointment " + Guid.NewGuid().ToString("N")[..6];

        var cause = await (await manager.PostAsJsonAsync("/api/v1/complaint-root-causes", new { name })).ReadAsync<RootCauseDto>(HttpStatusCode.Created);
        Assert.StartsWith("missed_appointment_", cause.Key);
        await (await manager.PostAsJsonAsync("/api/v1/complaint-root-causes", new { name, key = "another_key" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostAsJsonAsync("/api/v1/complaint-root-causes", new { name = "Bad key", key = "Bad Key" })).InvalidAsync("key");
        await (await manager.PostAsJsonAsync("/api/v1/complaint-root-causes", new { name = "!!!" })).InvalidAsync("name");

        var ticket = await manager.CreateTicketAsync();
        await manager.MoveAsync(ticket.Number, new { rootCause = cause.Key });
        var retired = await (await manager.PatchJsonAsync($"/api/v1/complaint-root-causes/{cause.Key}", new { isActive = false })).ReadAsync<RootCauseDto>();
        Assert.False(retired.IsActive);
        Assert.DoesNotContain(await (await manager.GetAsync("/api/v1/complaint-root-causes")).ReadAsync<List<RootCauseDto>>(), c => c.Key == cause.Key);
        Assert.Contains(await (await manager.GetAsync("/api/v1/complaint-root-causes?all=true")).ReadAsync<List<RootCauseDto>>(), c => c.Key == cause.Key);

        // The complaint keeps it; no other complaint can choose it.
        Assert.Equal(cause.Key, (await manager.MoveAsync(ticket.Number, new { rootCause = cause.Key, remedy = "An apology." })).RootCause?.Key);
        var other = await manager.CreateTicketAsync();
        await (await manager.PatchComplaintAsync(other.Number, new { rootCause = cause.Key })).InvalidAsync("rootCause");
        await (await manager.PatchJsonAsync("/api/v1/complaint-root-causes/no_such_cause", new { isActive = false })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Settings_RefuseATeamThatDoesNotExist(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        await (await manager.PatchJsonAsync("/api/v1/complaint-settings", new { teamId = 999_999_999 })).InvalidAsync("teamId");
        var (_, agent) = await app.SignInAsync(Role.Agent);
        Assert.NotNull(await (await agent.GetAsync("/api/v1/complaint-settings")).ReadAsync<ComplaintSettingsDto>());
    }
}

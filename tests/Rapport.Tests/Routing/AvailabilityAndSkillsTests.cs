using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;

namespace Rapport.Tests.Routing;

public class AvailabilityAndSkillsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Availability_IsSetByThePersonTheirLeadOrAManager_AndAudited(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 2);
        var (_, outsider) = await app.SignInAsync(Role.TeamLead);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var me = app.ClientFor(crew[0]);

        var mine = await (await me.PutAsJsonAsync($"/api/v1/users/{crew[0].Id}/availability", new { availability = "away" })).ReadAsync<AvailabilityDto>();
        Assert.Equal(new AvailabilityDto(crew[0].Id, Availability.Away), mine);
        await crew.LeadClient.SetAvailabilityAsync(crew[0].Id, "offline");
        await manager.SetAvailabilityAsync(crew[0].Id, "available");
        await manager.SetAvailabilityAsync(crew[0].Id, "available");

        await (await me.PutAsJsonAsync($"/api/v1/users/{crew[1].Id}/availability", new { availability = "away" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.PutAsJsonAsync($"/api/v1/users/{crew[0].Id}/availability", new { availability = "away" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await me.PutAsJsonAsync($"/api/v1/users/{crew[0].Id}/availability", new { availability = "asleep" })).InvalidAsync("availability");
        await (await me.PutAsJsonAsync($"/api/v1/users/{crew[0].Id}/availability", new { })).InvalidAsync("availability");
        await (await manager.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/availability", new { availability = "away" })).ProblemAsync(HttpStatusCode.NotFound);

        var changes = (await crew.Admin.AuditAsync("users", crew[0].Id)).Where(a => a.Event.Action == "availability_changed").ToList();
        Assert.Equal(["available→away", "away→offline", "offline→available"],
            changes.Select(c => $"{c.Changes["availability"]!["before"]!.GetValue<string>()}→{c.Changes["availability"]!["after"]!.GetValue<string>()}"));
        Assert.Equal([crew[0].Id, crew.Lead.Id], changes.Take(2).Select(c => c.Event.ActorUserId!.Value));
    }

    [Theory, Providers]
    public async Task Skills_AreReplacedNormalisedAndAudited_AndReadByThemselvesAndSupervisors(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.SkillsBased, 2);
        var url = $"/api/v1/users/{crew[0].Id}/skills";

        var set = await (await crew.LeadClient.PutAsJsonAsync(url, new
        {
            skills = new[] { new { kind = "tag", value = " Late Delivery " }, new { kind = "language", value = "FR-ca" }, new { kind = "language", value = "fr-CA" } },
        })).ReadAsync<List<SkillDto>>();
        Assert.Equal([new SkillDto(SkillKind.Language, "fr-CA"), new SkillDto(SkillKind.Tag, "late_delivery")], set);
        Assert.Equal(set, await (await app.ClientFor(crew[0]).GetAsync(url)).ReadAsync<List<SkillDto>>());
        Assert.Equal(set, await (await crew.Admin.GetAsync(url)).ReadAsync<List<SkillDto>>());
        await (await app.ClientFor(crew[1]).GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(crew[0]).PutAsJsonAsync(url, new { skills = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.Forbidden);

        var cleared = await (await crew.LeadClient.PutAsJsonAsync(url, new { skills = new[] { new { kind = "tag", value = "late_delivery" } } }))
            .ReadAsync<List<SkillDto>>();
        Assert.Equal([new SkillDto(SkillKind.Tag, "late_delivery")], cleared);
        var audit = (await crew.Admin.AuditAsync("users", crew[0].Id)).Where(a => a.Event.Action == "skills_changed").ToList();
        Assert.Equal(2, audit.Count);
        Assert.Equal("language fr-CA, tag late_delivery", audit[1].Changes["skills"]!["before"]!.GetValue<string>());
        Assert.Equal("tag late_delivery", audit[1].Changes["skills"]!["after"]!.GetValue<string>());
    }

    [Theory, Providers]
    public async Task Skills_WithBadValues_NameTheSkill(Db db)
    {
        var app = await fixture.For(db);
        var (user, _) = await app.SignInAsync(Role.Agent);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, outsider) = await app.SignInAsync(Role.TeamLead);
        var url = $"/api/v1/users/{user.Id}/skills";
        Task<HttpResponseMessage> PutAsync(object skill) => manager.PutAsJsonAsync(url, new { skills = new[] { skill } });

        await (await PutAsync(new { kind = "language", value = "english" })).InvalidAsync("skills[0].value");
        await (await PutAsync(new { kind = "service", value = "999999" })).InvalidAsync("skills[0].value");
        await (await PutAsync(new { kind = "service", value = "first" })).InvalidAsync("skills[0].value");
        await (await PutAsync(new { kind = "tag", value = "no/slashes" })).InvalidAsync("skills[0].value");
        await (await PutAsync(new { value = "fr" })).InvalidAsync("skills[0].kind");
        await (await PutAsync(new { kind = "hobby", value = "chess" })).InvalidAsync("skills[0].kind");
        await (await manager.PutAsJsonAsync(url, new { })).InvalidAsync("skills");
        await (await manager.PutAsJsonAsync(url, new { skills = Enumerable.Range(0, 51).Select(i => new { kind = "tag", value = $"t{i}" }) }))
            .InvalidAsync("skills");
        await (await outsider.PutAsJsonAsync(url, new { skills = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.GetAsync($"/api/v1/users/{Guid.NewGuid()}/skills")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tone;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tone;

public class ToneApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task ADraft_IsCheckedInItsLanguage_AdviceOnly(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var english = await (await agent.PostAsJsonAsync("/api/v1/tone/check", new { text = "As I said, we can't do that!!" })).ReadAsync<ToneCheckDto>();
        Assert.Equal("en", english.Language);
        Assert.Equal(["As I said", "we can't", "!!"], english.Findings.Select(f => f.Found));
        var german = await (await agent.PostAsJsonAsync("/api/v1/tone/check", new { text = "Das geht nicht.", language = "de-AT" })).ReadAsync<ToneCheckDto>();
        Assert.Equal("de", german.Language);
        Assert.Single(german.Findings);

        var refused = await agent.PostAsJsonAsync("/api/v1/tone/check", new { text = "Hi", language = "not a tag!" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("language", await refused.Content.ReadAsStringAsync());
    }

    [Theory, Providers]
    public async Task AManager_ReplacesALanguagesList_AndRestoresRapportsOwn(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        // A language of its own, so tests sharing the app do not see each other's lists.
        var language = "q" + (char)('a' + Random.Shared.Next(20)) + (char)('a' + Random.Shared.Next(26)); // ISO 639's private-use qaa–qtz

        var emptyResponse = await agent.GetAsync($"/api/v1/tone/phrases/{language}");
        Assert.True(emptyResponse.IsSuccessStatusCode, $"{emptyResponse.StatusCode} {await emptyResponse.Content.ReadAsStringAsync()}");
        var empty = await emptyResponse.ReadAsync<TonePhraseListDto>();
        Assert.True(empty.IsDefault);
        Assert.Empty(empty.Phrases);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync($"/api/v1/tone/phrases/{language}", new { phrases = Array.Empty<object>() })).StatusCode);

        var saved = await (await manager.PutAsJsonAsync($"/api/v1/tone/phrases/{language}",
            new { phrases = new[] { new { phrase = "  no   way ", suggestion = "Say what is possible." } } })).ReadAsync<TonePhraseListDto>();
        Assert.False(saved.IsDefault);
        Assert.Equal([new PhraseAdvice("no way", "Say what is possible.")], saved.Phrases);
        var checkedDraft = await (await agent.PostAsJsonAsync("/api/v1/tone/check", new { text = "No  way, sorry.", language })).ReadAsync<ToneCheckDto>();
        Assert.Equal("No  way", Assert.Single(checkedDraft.Findings).Found);

        var reset = await (await manager.DeleteAsync($"/api/v1/tone/phrases/{language}")).ReadAsync<TonePhraseListDto>();
        Assert.True(reset.IsDefault);
        Assert.Empty((await (await agent.PostAsJsonAsync("/api/v1/tone/check", new { text = "No way, sorry.", language })).ReadAsync<ToneCheckDto>()).Findings);
    }

    [Theory, Providers]
    public async Task AList_WithMissingOrRepeatedParts_IsRefused_NamingEachLine(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var refused = await manager.PutAsJsonAsync("/api/v1/tone/phrases/en", new
        {
            phrases = new object[] { new { phrase = "we can't", suggestion = "Say what you can do." }, new { phrase = "We  CAN'T", suggestion = "Again" }, new { phrase = "", suggestion = "x" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("phrases[1].phrase", problem);
        Assert.Contains("phrases[2].phrase", problem);
        Assert.True((await (await manager.GetAsync("/api/v1/tone/phrases/en")).ReadAsync<TonePhraseListDto>()).IsDefault);
    }

    [Theory, Providers]
    public async Task TheComposersHint_IsInTheRequestersLanguage_AndOnlyForTicketsTheAgentSees(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var created = await (await agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Lieferung", body = "Wo bleibt meine Bestellung?", requester = new { email = RapportApp.UniqueEmail("kunde"), name = "Kim Kunde" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        await app.WithDbAsync(d => d.Customers.Where(c => c.Id == created.Requester.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PreferredLanguage, "de")));

        var hint = await agent.PostAsync($"/agent/tickets/{created.Number}/tone",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply.Body"] = "Wie bereits gesagt: das geht nicht." }));
        var html = await hint.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, hint.StatusCode);
        Assert.Contains("data-tone-finding=\"phrase\"", html);
        Assert.Contains("zur Erinnerung", html);

        var calm = await agent.PostAsync($"/agent/tickets/{created.Number}/tone",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply.Body"] = "Danke, ich kümmere mich darum." }));
        Assert.DoesNotContain("data-tone-hints", await calm.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsync("/agent/tickets/987654321/tone",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply.Body"] = "x" }))).StatusCode);
    }
}

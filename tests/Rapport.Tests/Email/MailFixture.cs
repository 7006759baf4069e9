using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Access;
using Rapport.Features.Email.Intake;
using Rapport.Features.People;
using Rapport.Mime;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Email;

/// <summary>An app per provider for the email tests, with a low per-sender limit so the rate limit can be reached, and a clock the tests move.</summary>
public sealed class MailFixture : IAsyncLifetime
{
    public const int SenderLimit = 4;
    private readonly Dictionary<Db, Task<RapportApp>> _apps = [];
    private readonly Lock _lock = new();

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public Task<RapportApp> For(Db db)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(db, out var app))
                _apps[db] = app = RapportApp.StartAsync(db, new Dictionary<string, string?>
                {
                    ["Rapport:Email:Intake:SenderLimit"] = SenderLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Rapport:Email:Intake:DropFolderSeconds"] = "3600",
                }, Clock);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
    }
}

/// <summary>Test mail, composed by Rapport.Mime as a mail client would send it, and the ways to hand it to Rapport.</summary>
public static class Mail
{
    public static OutgoingMessage From(string sender, string subject, string text, string? senderName = "Robin Customer") => new()
    {
        From = new MailboxAddress(senderName, sender),
        To = [new MailboxAddress("Support", "support@rapport.test")],
        Subject = subject,
        TextBody = text,
        Date = DateTimeOffset.UtcNow,
        MessageId = MessageIds.New("customer.test"),
    };

    public static async Task<HttpClient> RelayClientAsync(this RapportApp app)
    {
        var admin = await app.CreateUserAsync(Role.Admin);
        var token = await app.WithScopeAsync(async services =>
            (await services.GetRequiredService<CreateApiToken>().ExecuteAsync(admin.Id, "relay", Actor.System, default, TokenScopes.MailIntake)).Value!.Token);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient relay, byte[] raw)
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        return relay.PostAsync("/api/v1/mail/inbound", content);
    }

    public static async Task<InboundMailReceipt> ReceiveAsync(this HttpClient relay, byte[] raw) =>
        await (await relay.SendAsync(raw)).ReadAsync<InboundMailReceipt>();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Data;
using Rapport.Features.Email.Mailboxes;
using Rapport.Features.Email.Sending;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Email;

/// <summary>
/// One app per provider on a clock the tests move, with the background sender off (tests call DeliverDueMail) and
/// the sinks' self-signed certificate trusted. Each test starts its own SMTP sink and makes its own mailbox.
/// </summary>
public sealed class EmailFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<(RapportApp, FakeTimeProvider)>> _apps = [];
    private readonly Lock _lock = new();

    public SinkCertificate Certificate { get; } = SmtpSink.CreateCertificate();

    public Task<(RapportApp App, FakeTimeProvider Clock)> For(Db db)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(db, out var app)) _apps[db] = app = StartAsync(db);
            return app;
        }
    }

    private async Task<(RapportApp, FakeTimeProvider)> StartAsync(Db db)
    {
        // Whole seconds: SQLite keeps times to the millisecond, and tests compare the times they read back.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var settings = new Dictionary<string, string?>
        {
            ["Rapport:Email:Sending:RunInBackground"] = "false",
            ["Rapport:Email:Sending:TrustedCertificates:0"] = Certificate.Sha256,
            ["Rapport:Email:Sending:ConnectTimeout"] = "00:00:05",
            ["Rapport:Email:Sending:CommandTimeout"] = "00:00:10",
        };
        return (await RapportApp.StartAsync(db, settings, clock), clock);
    }

    /// <summary>
    /// The app, a signed-in admin, a fresh sink and a mailbox that sends to it: plain without sign-in, or requiring
    /// AUTH over STARTTLS or implicit TLS with <paramref name="certificate"/> (the trusted one unless given).
    /// </summary>
    public async Task<MailScenario> ScenarioAsync(Db db, string security = "none", string? mailboxPassword = SinkPassword,
        SinkCertificate? certificate = null)
    {
        var (app, clock) = await For(db);
        var (admin, client) = await app.SignInAsync(Features.People.Role.Admin);
        var sink = security == "none"
            ? await SmtpSink.StartAsync()
            : await SmtpSink.StartAsync(SinkUser, SinkPassword, certificate ?? Certificate, implicitTls: security == "implicit_tls");
        var mailbox = await client.CreateMailboxAsync(security == "none"
            ? EmailSetup.NewMailbox(sink)
            : EmailSetup.NewMailbox(sink, SinkUser, mailboxPassword, security));
        return new MailScenario(app, clock, admin, client, sink, mailbox);
    }

    public const string SinkUser = "rapport";
    public const string SinkPassword = "Smtp-pass-1";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).Item1.DisposeAsync();
    }
}

public sealed record MailScenario(RapportApp App, FakeTimeProvider Clock, TestUser Admin, HttpClient Client, SmtpSink Sink, MailboxDto Mailbox)
    : IAsyncDisposable
{
    /// <summary>Stops the sink and settles the mailbox's unsent mail, so later tests' senders leave it alone.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.WithDbAsync(db => db.OutgoingMail.Where(m => m.MailboxId == Mailbox.Id && m.State != DeliveryState.Sent)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, DeliveryState.Failed)));
        await Sink.DisposeAsync();
    }
}

/// <summary>What email tests do: make a mailbox pointing at a sink, queue raw mail, run the sender, read a mail's row.</summary>
public static class EmailSetup
{
    public static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    public static object NewMailbox(SmtpSink sink, string? user = null, string? password = null, string security = "none",
        bool isDefault = false, string? name = null) => new
    {
        name = name ?? Unique("Support"),
        address = RapportApp.UniqueEmail("support"),
        displayName = "Acme Support",
        smtpHost = "127.0.0.1",
        smtpPort = sink.Port,
        security,
        userName = user,
        password,
        isDefault,
    };

    public static async Task<MailboxDto> CreateMailboxAsync(this HttpClient admin, object body) =>
        await (await admin.PostAsJsonAsync("/api/v1/mailboxes", body, Api.Json)).ReadAsync<MailboxDto>(HttpStatusCode.Created);

    /// <summary>A small hand-written message with CRLF line ends, a line that starts with a dot and UTF-8 text.</summary>
    public static (byte[] Content, string MessageId) RawMessage(string to, string subject = "Your request")
    {
        var messageId = $"<{Guid.NewGuid():N}@rapport.test>";
        var text = $"From: Acme Support <support@rapport.test>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: {messageId}\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "Hello,\r\n.a line that starts with a dot\r\n..and one with two\r\nGrüße, Zoë\r\n";
        return (Encoding.UTF8.GetBytes(text), messageId);
    }

    public static Task<OutgoingMail> QueueAsync(this RapportApp app, long mailboxId, byte[] content, string messageId,
        string[] to, string[]? cc = null, string[]? bcc = null, long? ticketNumber = null, MailPurpose purpose = MailPurpose.Reply) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<RapportDbContext>();
            var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == mailboxId);
            var mail = services.GetRequiredService<MailOutbox>().Add(new QueuedMail(mailbox, to, cc ?? [], bcc ?? [], content, messageId, purpose, ticketNumber));
            await db.SaveChangesAsync();
            return mail;
        });

    public static Task<int> DeliverAsync(this RapportApp app) =>
        app.WithScopeAsync(services => services.GetRequiredService<DeliverDueMail>().ExecuteAsync(CancellationToken.None));

    public static Task<OutgoingMail> MailAsync(this RapportApp app, long id) =>
        app.WithDbAsync(db => db.OutgoingMail.AsNoTracking().SingleAsync(m => m.Id == id));
}

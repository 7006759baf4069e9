using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Attachments;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Platform;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Tickets;

/// <summary>One app per provider whose attachment store is a temporary directory, with a small size limit.</summary>
public sealed class AttachmentsFixture : IAsyncLifetime
{
    public const long MaxBytes = 256 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rapport-attachments-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Dictionary<Db, Task<RapportApp>> _apps = [];
    private readonly Lock _lock = new();

    public string StorePath(Db db) => Path.Combine(_root, db.ToString());

    public Task<RapportApp> For(Db db)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(db, out var app))
                _apps[db] = app = RapportApp.StartAsync(db, new Dictionary<string, string?>
                {
                    ["Rapport:Attachments:Path"] = StorePath(db),
                    ["Rapport:Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

public class AttachmentsApiTests(AttachmentsFixture fixture) : IClassFixture<AttachmentsFixture>
{
    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray(), .. new byte[64]];
    private static byte[] Pdf() => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, byte[] bytes, string? contentType, string? fileName)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var query = fileName is null ? "" : "?filename=" + Uri.EscapeDataString(fileName);
        return await client.PostAsync("/api/v1/uploads" + query, content);
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, byte[] bytes, string contentType, string fileName, string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var form = new MultipartFormDataContent { { new StringContent("ignored"), "note" }, { file, field, fileName } };
        return await client.PostAsync("/api/v1/uploads", form);
    }

    private static async Task<UploadDto> UploadAsync(HttpClient client, byte[] bytes, string contentType, string fileName) =>
        await (await PostRawAsync(client, bytes, contentType, fileName)).ReadAsync<UploadDto>(HttpStatusCode.Created);

    private static async Task<TicketDto> NewTicketAsync(HttpClient agent) =>
        await (await agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Invoice is wrong",
            body = "See the attached invoice.",
            requester = new { email = RapportApp.UniqueEmail("jo"), name = "Jo Bloggs" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);

    private static async Task<MessageDto> ReplyAsync(HttpClient client, long number, string[] uploads, string visibility = "public") =>
        await (await client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Here it is.", visibility, uploads }))
            .ReadAsync<MessageDto>(HttpStatusCode.Created);

    [Theory, Providers]
    public async Task Upload_ThenReply_DownloadReturnsTheSameBytes(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await NewTicketAsync(agent);
        var bytes = Pdf();

        var upload = await UploadAsync(agent, bytes, "application/pdf", "Facture révisée.pdf");
        Assert.Equal(new UploadDto(upload.Token, "Facture révisée.pdf", "application/pdf", bytes.Length), upload);
        var message = await ReplyAsync(agent, ticket.Number, [upload.Token]);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("Facture révisée.pdf", "application/pdf", (long)bytes.Length), (attachment.FileName, attachment.ContentType, attachment.Size));

        var download = await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/attachments/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("filename*=UTF-8''Facture%20r%C3%A9vis%C3%A9e.pdf", download.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        // The upload became the attachment: its token is spent.
        await (await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Again", uploads = new[] { upload.Token } }))
            .InvalidAsync("uploads[0]");
    }

    [Theory, Providers]
    public async Task Download_ShowsImagesInline_AndOffersOtherFilesAsDownloads(Db db)
    {
        var app = await fixture.For(db);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var png = Png();
        var image = await (await PostMultipartAsync(customer, png, "image/png", "screenshot.png")).ReadAsync<UploadDto>(HttpStatusCode.Created);
        Assert.Equal("image/png", image.ContentType);
        var document = await UploadAsync(customer, Pdf(), "application/octet-stream", "statement");
        Assert.Equal(("application/pdf", "statement.pdf"), (document.ContentType, document.FileName));

        var ticket = await (await customer.PostAsJsonAsync("/api/v1/tickets",
            new { subject = "Broken page", body = "Screenshot and statement attached.", uploads = new[] { image.Token, document.Token } }))
            .ReadAsync<TicketDto>(HttpStatusCode.Created);
        var first = Assert.Single((await (await customer.GetAsync($"/api/v1/tickets/{ticket.Number}/messages")).ReadAsync<Page<MessageDto>>()).Items);
        Assert.Equal(["screenshot.png", "statement.pdf"], first.Attachments.Select(a => a.FileName));

        var shown = await customer.GetAsync($"/api/v1/tickets/{ticket.Number}/attachments/{first.Attachments[0].Id}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("inline", shown.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await shown.Content.ReadAsByteArrayAsync());
        var offered = await customer.GetAsync($"/api/v1/tickets/{ticket.Number}/attachments/{first.Attachments[1].Id}");
        Assert.Equal("attachment", offered.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", offered.Headers.GetValues("X-Content-Type-Options").Single());

        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tickets/{ticket.Number}/attachments/{first.Attachments[0].Id}");
        range.Headers.Range = new RangeHeaderValue(0, 7);
        var part = await customer.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(png[..8], await part.Content.ReadAsByteArrayAsync());
    }

    [Theory, Providers]
    public async Task Upload_LargerThanTheLimit_Is413_AndKeepsNothing(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var tooLarge = new byte[AttachmentsFixture.MaxBytes + 1];
        Array.Fill(tooLarge, (byte)'a');

        await (await PostRawAsync(agent, tooLarge, "text/plain", "big.txt")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await PostMultipartAsync(agent, tooLarge, "text/plain", "big.txt")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        // Without a Content-Length the limit is found while streaming.
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads?filename=big.txt") { Content = new StreamContent(new MemoryStream(tooLarge)) };
        chunked.Headers.TransferEncodingChunked = true;
        await (await agent.SendAsync(chunked)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var temporary = Path.Combine(fixture.StorePath(db), "tmp");
        Assert.Empty(Directory.Exists(temporary) ? Directory.GetFiles(temporary) : []);
        var justFits = await UploadAsync(agent, tooLarge[..^1], "text/plain", "fits.txt");
        Assert.Equal(AttachmentsFixture.MaxBytes, justFits.Size);
    }

    [Theory, Providers]
    public async Task Upload_WhoseContentIsNotWhatItClaims_IsRefused(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var html = Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>");
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");

        await (await PostRawAsync(agent, html, "image/png", "cat.png")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, html, "text/plain", "notes.txt")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostMultipartAsync(agent, html, "text/html", "page.html")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, svg, "image/svg+xml", "logo.svg")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, Png(), "application/pdf", "invoice.pdf")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, [(byte)'M', (byte)'Z', 0x90, 0, 3], "application/octet-stream", "setup.bin")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, Encoding.UTF8.GetBytes("echo hi"), "text/plain", "run.bat")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")), Xlsx, "sheet.xlsx"))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, Zip(("[Content_Types].xml", "<Types/>"), ("word/vbaProject.bin", "macro")), Docx, "letter.docx"))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostRawAsync(agent, [], "text/plain", "empty.txt")).InvalidAsync("file");
        await (await PostMultipartAsync(agent, Pdf(), "application/pdf", "a.pdf", field: "document")).InvalidAsync("file");

        var word = await UploadAsync(agent, Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")), Docx, "letter.docx");
        Assert.Equal(Docx, word.ContentType);
        var csv = await (await PostMultipartAsync(agent, Encoding.UTF8.GetBytes("id,name\n1,Jo\n"), "application/vnd.ms-excel", "C:\\Users\\jo\\..\\export\u202E.csv"))
            .ReadAsync<UploadDto>(HttpStatusCode.Created);
        Assert.Equal(("text/csv", "export.csv"), (csv.ContentType, csv.FileName));
        var invite = await UploadAsync(agent, Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"), "text/calendar", "call.ics");
        Assert.Equal("text/calendar", invite.ContentType);
        var mail = await UploadAsync(agent, Encoding.UTF8.GetBytes("From: jo@example.test\r\nSubject: Hi\r\n\r\nBody\r\n"), "message/rfc822", "original.eml");
        Assert.Equal("message/rfc822", mail.ContentType);
        await (await PostRawAsync(agent, Encoding.UTF8.GetBytes("just words"), "text/calendar", "call.ics")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory, Providers]
    public async Task Reply_WithSomeoneElsesOrUnknownUpload_Is400NamingEachToken(Db db)
    {
        var app = await fixture.For(db);
        var (_, owner) = await app.SignInAsync(Role.Agent);
        var (_, other) = await app.SignInAsync(Role.Agent);
        var ticket = await NewTicketAsync(owner);
        var upload = await UploadAsync(owner, Pdf(), "application/pdf", "private.pdf");

        var problem = await (await other.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages",
            new { body = "Borrowing a file", uploads = new[] { "no-such-token", upload.Token } })).InvalidAsync("uploads[1]");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("uploads[0]"));
        await (await other.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "New",
            body = "Borrowing a file",
            requester = new { email = RapportApp.UniqueEmail(), name = "Sam" },
            uploads = new[] { upload.Token },
        })).InvalidAsync("uploads[0]");
        await (await owner.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages",
            new { body = "Too many", uploads = Enumerable.Range(0, 21).Select(i => $"token-{i}").ToArray() })).InvalidAsync("uploads");

        var messages = await (await owner.GetAsync($"/api/v1/tickets/{ticket.Number}/messages")).ReadAsync<Page<MessageDto>>();
        Assert.Single(messages.Items);
        Assert.Single((await ReplyAsync(owner, ticket.Number, [upload.Token])).Attachments);
    }

    [Theory, Providers]
    public async Task Customer_CannotDownload_NoteAttachments_OrOtherCustomersFiles(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var (_, stranger) = await app.SignInAsync(Role.Customer);
        var ticket = await (await customer.PostAsJsonAsync("/api/v1/tickets", new { subject = "Refund", body = "Where is it?" }))
            .ReadAsync<TicketDto>(HttpStatusCode.Created);

        var note = await ReplyAsync(agent, ticket.Number, [(await UploadAsync(agent, Pdf(), "application/pdf", "internal.pdf")).Token], "internal");
        var reply = await ReplyAsync(agent, ticket.Number, [(await UploadAsync(agent, Pdf(), "application/pdf", "refund.pdf")).Token]);
        var noteUrl = $"/api/v1/tickets/{ticket.Number}/attachments/{note.Attachments[0].Id}";
        var replyUrl = $"/api/v1/tickets/{ticket.Number}/attachments/{reply.Attachments[0].Id}";

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(noteUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(replyUrl)).StatusCode);
        await (await customer.GetAsync(noteUrl)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync(replyUrl)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Download_OfUnknownTicketOrAttachment_Is404(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await NewTicketAsync(agent);
        var other = await NewTicketAsync(agent);
        var reply = await ReplyAsync(agent, ticket.Number, [(await UploadAsync(agent, Pdf(), "application/pdf", "a.pdf")).Token]);
        var id = reply.Attachments[0].Id;

        await (await agent.GetAsync($"/api/v1/tickets/{long.MaxValue}/attachments/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/attachments/{long.MaxValue}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/v1/tickets/{other.Number}/attachments/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Anonymous_CannotUploadOrDownload(Db db)
    {
        var app = await fixture.For(db);
        var anonymous = app.AnonymousClient();
        await (await PostRawAsync(anonymous, Pdf(), "application/pdf", "a.pdf")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/tickets/1/attachments/1")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, Providers]
    public async Task DeleteStaleUploads_RemovesOldUploads_AndKeepsFilesAnAttachmentShares(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await NewTicketAsync(agent);
        var forgotten = await UploadAsync(agent, Pdf(), "application/pdf", "forgotten.pdf");
        var shared = Pdf();
        var attached = await UploadAsync(agent, shared, "application/pdf", "sent.pdf");
        var duplicate = await UploadAsync(agent, shared, "application/pdf", "sent-again.pdf");
        var fresh = await UploadAsync(agent, Pdf(), "application/pdf", "fresh.pdf");
        var reply = await ReplyAsync(agent, ticket.Number, [attached.Token]);

        var store = app.Services.GetRequiredService<AttachmentStore>();
        var old = DateTimeOffset.UtcNow.AddDays(-2);
        string[] stale = [forgotten.Token, duplicate.Token];
        var keys = await app.WithDbAsync(async data =>
        {
            var uploads = await data.Uploads.Where(u => stale.Contains(u.Token)).ToListAsync();
            foreach (var upload in uploads) upload.CreatedAt = old;
            await data.SaveChangesAsync();
            return uploads.ToDictionary(u => u.Token, u => u.StorageKey);
        });
        foreach (var key in keys.Values) File.SetLastWriteTimeUtc(store.PathFor(key), old.UtcDateTime);

        var removed = await app.WithScopeAsync(services => services.GetRequiredService<DeleteStaleUploads>().ExecuteAsync(default));

        Assert.True(removed >= 2);
        var left = await app.WithDbAsync(data => data.Uploads.Where(u => stale.Contains(u.Token) || u.Token == fresh.Token).Select(u => u.Token).ToListAsync());
        Assert.Equal([fresh.Token], left);
        Assert.False(store.Exists(keys[forgotten.Token]));
        Assert.True(store.Exists(keys[duplicate.Token]));
        var download = await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/attachments/{reply.Attachments[0].Id}");
        Assert.Equal(shared, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Start_WithAnInvalidSizeLimit_FailsNamingTheSetting()
    {
        var (exitCode, _, error) = await RapportProcess.RunAsync(RapportProcess.NewWorkingDirectory(),
            ["serve", "--urls", $"http://127.0.0.1:{RapportProcess.FreePort()}"],
            new Dictionary<string, string> { ["Rapport__Attachments__MaxBytes"] = "0" });
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Rapport:Attachments:MaxBytes", error);
    }

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }
}

/// <summary>The content rules on their own, without a server.</summary>
public class AttachmentContentTests
{
    [Theory]
    [InlineData("image/png", "\x89PNG\r\n\x1a\n....", "a.png", "image/png")]
    [InlineData("image/jpg", "\xff\xd8\xff\xe0", "a.jpg", "image/jpeg")]
    [InlineData(null, "GIF89a....", "a", "image/gif")]
    [InlineData("application/octet-stream", "RIFF\0\0\0\0WEBPVP8 ", "a.webp", "image/webp")]
    [InlineData("image/webp", "%PDF-1.4", "a.webp", null)]
    [InlineData("text/plain; charset=utf-8", "hello\r\nworld\t!", "a.txt", "text/plain")]
    [InlineData(null, "a,b\n1,2\n", "data.csv", "text/csv")]
    [InlineData(null, "no calendar here", "x.ics", "text/plain")]
    [InlineData("text/plain", "  <!DOCTYPE html><p>hi", "a.txt", null)]
    [InlineData("text/plain", "<?xml version=\"1.0\"?><x/>", "a.txt", null)]
    [InlineData("text/plain", "<b>bold</b>", "a.txt", null)]
    [InlineData("text/plain", "<bogus> is fine", "a.txt", "text/plain")]
    [InlineData("text/plain", "binary\0data", "a.txt", null)]
    [InlineData("image/svg+xml", "<svg/>", "a.svg", null)]
    [InlineData("application/x-msdownload", "MZ", "a.txt", null)]
    [InlineData("text/plain", "\x7f" + "ELF", "a.txt", null)]
    [InlineData("application/msword", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.doc", null)]
    [InlineData("text/plain", "fine text", "a.txt.exe", null)]
    [InlineData("text/plain", "fine text", "a.HTML", null)]
    [InlineData("application/pdf", "%PDF-1.7", "a.pdf", "application/pdf")]
    public void Check_DecidesFromTheBytes(string? declared, string head, string fileName, string? expected)
    {
        var result = AttachmentContent.Check(declared, Encoding.Latin1.GetBytes(head), fileName);
        Assert.Equal(expected, result.Succeeded ? result.Value : null);
        if (!result.Succeeded) Assert.Equal(415, result.Error!.Status);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\jo\\report.pdf", "report.pdf")]
    [InlineData("evil\u202Efdp.exe", "evilfdp.exe")]
    [InlineData("a.exe. . ", "a.exe")]
    [InlineData("..", "fallback")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    [InlineData("what?.txt", "what_.txt")]
    public void Sanitise_KeepsOnlyASafeName(string name, string expected) =>
        Assert.Equal(expected, AttachmentFileName.Sanitise(name, "fallback"));

    [Fact]
    public void Sanitise_CutsLongNamesKeepingTheExtension()
    {
        var name = AttachmentFileName.Sanitise(new string('é', 300) + ".pdf", "x");
        Assert.Equal(255, name.Length);
        Assert.EndsWith("é.pdf", name);
    }
}

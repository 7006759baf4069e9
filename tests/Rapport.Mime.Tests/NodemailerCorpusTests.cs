using System.Security.Cryptography;
using System.Text.Json;

namespace Rapport.Mime.Tests;

/// <summary>Messages written by nodemailer (corpus/nodemailer, see generate.mjs there) parse to what
/// the generator was given, as recorded in expected.json.</summary>
public class NodemailerCorpusTests
{
    private static readonly JsonElement Expected =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.Folder("nodemailer"), "expected.json"))).RootElement;

    public static TheoryData<string> Names() => new(Expected.EnumerateObject().Select(p => p.Name));

    [Theory, MemberData(nameof(Names))]
    public void Message_ParsesTo_WhatNodemailerWasGiven(string name)
    {
        var expected = Expected.GetProperty(name);
        var message = Corpus.Parse("nodemailer", name);

        Assert.Empty(message.Defects);
        Assert.Equal(expected.GetProperty("subject").GetString(), message.Subject);
        Assert.Equal(expected.GetProperty("messageId").GetString(), message.MessageId);
        var from = Assert.Single(message.From);
        Assert.Equal(expected.GetProperty("fromAddress").GetString(), from.Address);
        Assert.Equal(expected.GetProperty("fromName").GetString(), from.DisplayName);
        Assert.Equal(expected.GetProperty("to").EnumerateArray().Select(e => e.GetString()), message.To.Select(t => t.Address));
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("date").GetString()!), message.Date);
        Assert.Equal(expected.GetProperty("text").GetString(), Corpus.Lf(message.TextBody));
        Assert.Equal(Optional(expected, "html"), Corpus.Lf(message.HtmlBody));
        if (Optional(expected, "inReplyTo") is { } inReplyTo) Assert.Equal(inReplyTo, message.InReplyTo);
        if (expected.TryGetProperty("references", out var references))
            Assert.Equal(references.EnumerateArray().Select(r => r.GetString()), message.References);
        if (expected.TryGetProperty("headers", out var headers))
            foreach (var header in headers.EnumerateObject()) Assert.Equal(header.Value.GetString(), message.Headers[header.Name]);

        var attachments = message.Attachments.Where(a => !IsCalendar(a)).ToList();
        var wanted = expected.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(wanted.Count, attachments.Count);
        foreach (var (want, got) in wanted.Zip(attachments)) AssertAttachment(want, got);
        if (expected.TryGetProperty("calendar", out _))
        {
            // nodemailer sends the invitation twice: as an alternative and as an .ics file.
            var invites = message.Attachments.Where(IsCalendar).ToList();
            Assert.Equal(["text/calendar", "application/ics"], invites.Select(i => i.ContentType.MimeType));
            Assert.Equal("REQUEST", invites[0].ContentType.Parameters["method"]);
            Assert.All(invites, i => Assert.Contains("SUMMARY:Onboarding call", i.Entity.GetText()));
        }
    }

    private static void AssertAttachment(JsonElement want, MimeAttachment got)
    {
        Assert.Equal(want.GetProperty("fileName").GetString(), got.FileName);
        Assert.Equal(want.GetProperty("contentType").GetString(), got.ContentType.MimeType);
        Assert.Equal(want.GetProperty("inline").GetBoolean(), got.IsInline);
        Assert.Equal(want.GetProperty("size").GetInt64(), got.Size);
        Assert.Equal(Optional(want, "contentId"), got.ContentId);
        using var stream = got.OpenRead();
        Assert.Equal(want.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(stream)));
        if (want.TryGetProperty("message", out var inner))
        {
            Assert.NotNull(got.Message);
            Assert.Equal(inner.GetProperty("subject").GetString(), got.Message.Subject);
            Assert.Equal(inner.GetProperty("messageId").GetString(), got.Message.MessageId);
            Assert.Equal(inner.GetProperty("text").GetString(), Corpus.Lf(got.Message.TextBody));
        }
    }

    private static bool IsCalendar(MimeAttachment a) => a.ContentType.Is("text", "calendar") || a.ContentType.Is("application", "ics");

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;
}

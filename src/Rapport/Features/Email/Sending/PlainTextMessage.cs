using System.Globalization;
using System.Text;

namespace Rapport.Features.Email.Sending;

/// <summary>
/// A minimal plain-text RFC 5322 message (UTF-8, base64 body, RFC 2047 words for non-ASCII headers), enough for the
/// mailbox test mail. Real mail is composed by Rapport.Mime; this stays small on purpose.
/// </summary>
public static class PlainTextMessage
{
    public static byte[] Compose(string fromName, string fromAddress, string to, string subject, string body, string messageId, DateTimeOffset date)
    {
        var text = new StringBuilder();
        text.Append("From: ").Append(Mailbox(fromName, fromAddress)).Append("\r\n");
        text.Append("To: ").Append(to).Append("\r\n");
        text.Append("Subject: ").Append(Unstructured(subject)).Append("\r\n");
        text.Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        text.Append("Message-ID: ").Append(messageId).Append("\r\n");
        text.Append("MIME-Version: 1.0\r\n");
        text.Append("Content-Type: text/plain; charset=utf-8\r\n");
        text.Append("Content-Transfer-Encoding: base64\r\n");
        text.Append("Auto-Submitted: auto-generated\r\n\r\n");
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\r\n")));
        for (var i = 0; i < encoded.Length; i += 76) text.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string Mailbox(string name, string address) =>
        string.IsNullOrWhiteSpace(name) ? address : $"{Word(name)} <{address}>";

    private static string Unstructured(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.All(c => c is >= ' ' and <= '~') ? text : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
    }

    /// <summary>ASCII text as it is (quoted when it holds specials), anything else as one RFC 2047 encoded word.</summary>
    private static string Word(string text)
    {
        var unstructured = Unstructured(text);
        if (unstructured.StartsWith("=?", StringComparison.Ordinal) || unstructured.IndexOfAny(['"', ',', ';', '<', '>', '@', '(', ')', ':', '\\', '.', '[', ']']) < 0)
            return unstructured;
        return $"\"{unstructured.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }
}

namespace Rapport.Features.Email.Intake;

/// <summary>The message/delivery-status part of a bounce (RFC 3464): a per-message block, then one block per recipient.</summary>
internal static class DeliveryStatus
{
    public static IReadOnlyList<FailedRecipient> Recipients(string text)
    {
        var failed = new List<FailedRecipient>();
        foreach (var block in Blocks(text))
        {
            var address = Address(block.Find("Final-Recipient") ?? block.Find("Original-Recipient"));
            if (address is null) continue;
            var action = block.Find("Action")?.Trim().ToLowerInvariant();
            if (action is "delivered" or "relayed" or "expanded") continue;
            var diagnostic = Diagnostic(block.Find("Diagnostic-Code"));
            var status = BounceReport.StatusIn(block.Find("Status")) ?? BounceReport.StatusIn(diagnostic)
                ?? (action == "delayed" ? "4.0.0" : "5.0.0");
            if (status.StartsWith('2')) continue;
            failed.Add(new FailedRecipient(address, status, BounceReport.SeverityOf(status), diagnostic));
        }
        return failed;
    }

    /// <summary>Blocks of fields separated by blank lines; a field's continuation lines start with white space.</summary>
    private static IEnumerable<IReadOnlyList<MailHeader>> Blocks(string text)
    {
        var block = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n').Append(""))
        {
            if (line.Trim().Length > 0)
            {
                block.Add(line);
                continue;
            }
            if (block.Count > 0) yield return MailHeaders.Parse(string.Join('\n', block));
            block.Clear();
        }
    }

    /// <summary>"rfc822; alice@example.org" → "alice@example.org".</summary>
    private static string? Address(string? field)
    {
        if (field is null) return null;
        var semicolon = field.IndexOf(';');
        var address = MailHeaders.BareAddress(semicolon >= 0 ? field[(semicolon + 1)..] : field);
        return address.Contains('@') ? address : null;
    }

    /// <summary>"smtp; 550 5.1.1 …" → "550 5.1.1 …".</summary>
    private static string? Diagnostic(string? field)
    {
        if (field is null) return null;
        var semicolon = field.IndexOf(';');
        var text = (semicolon >= 0 && semicolon < 12 ? field[(semicolon + 1)..] : field).Trim();
        return text.Length == 0 ? null : text;
    }
}

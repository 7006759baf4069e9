using System.Text.RegularExpressions;

namespace Rapport.Features.Tickets.Mentions;

/// <summary>
/// Finds the colleagues a note mentions: <c>@ann</c> (the part of their address before the @) or
/// <c>@ann@example.com</c> (the whole address). An address in running text (<c>ann@example.com</c>) is no mention,
/// nor is anything in Markdown code (<c>`@ann`</c> or a fenced block), where agents quote logs and commands.
/// </summary>
public static partial class MentionHandles
{
    /// <summary>More than this many in one note are not all notified: a pasted list is not a call for help.</summary>
    public const int MaxPerNote = 20;

    public static IReadOnlyList<string> Find(string markdown)
    {
        var text = FencedCode().Replace(markdown, " ");
        text = InlineCode().Replace(text, " ");
        var handles = new List<string>();
        foreach (Match match in Mention().Matches(text))
        {
            // A sentence may end right after the name: "ask @ann."
            var handle = match.Groups["handle"].Value.TrimEnd('.', '-', '_').ToLowerInvariant();
            if (handle.Length == 0 || handle.EndsWith('@') || handles.Contains(handle)) continue;
            handles.Add(handle);
            if (handles.Count == MaxPerNote) break;
        }
        return handles;
    }

    /// <summary>Whether a handle names this address: the whole address, or the part before the @.</summary>
    public static bool Names(string handle, string address) =>
        handle.Contains('@')
            ? string.Equals(handle, address, StringComparison.OrdinalIgnoreCase)
            : address.Length > handle.Length && address[handle.Length] == '@' && address.StartsWith(handle, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![\w.@+-])@(?<handle>[A-Za-z0-9][A-Za-z0-9._%+-]*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"^ {0,3}(```|~~~).*?(^ {0,3}\1|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"(`+)[^`].*?\1", RegexOptions.Singleline)]
    private static partial Regex InlineCode();
}

using System.Text.RegularExpressions;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

/// <summary>Tags are lower-case words: letters, digits, '_', '-', ':' and '.'; spaces become '_'.</summary>
public static partial class TicketTags
{
    public static string Normalise(string tag) => WhiteSpace().Replace(tag.Trim().ToLowerInvariant(), "_");

    public static IReadOnlyList<string>? Validate(string field, IEnumerable<string?>? tags, Validator check)
    {
        if (tags is null) return null;
        var normalised = new List<string>();
        var index = 0;
        foreach (var tag in tags)
        {
            var name = Normalise(tag ?? "");
            if (name.Length is 0 or > TicketLimits.TagLength || !Allowed().IsMatch(name))
                check.Add($"{field}[{index}]", $"A tag is 1 to {TicketLimits.TagLength} letters, digits, '_', '-', ':' or '.'.");
            else if (!normalised.Contains(name)) normalised.Add(name);
            index++;
        }
        if (normalised.Count > TicketLimits.TagsPerTicket) check.Add(field, $"At most {TicketLimits.TagsPerTicket} tags.");
        return normalised;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[\p{L}\p{N}_\-:.]+$")]
    private static partial Regex Allowed();
}

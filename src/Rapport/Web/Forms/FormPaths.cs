using System.Text.RegularExpressions;

namespace Rapport.Web.Forms;

/// <summary>
/// Element ids for inputs named by an API field path, so a problem at <c>weeklyHours.monday[1].end</c> links to
/// the box it is about: <c>f-weeklyHours-monday-1-end</c>.
/// </summary>
public static partial class FormPaths
{
    public static string IdFor(string path) => "f-" + NotWord().Replace(path, "-").Trim('-');

    /// <summary>The links of an error summary: each problem's path to a label and the id of what it is about.</summary>
    public static Dictionary<string, (string Label, string Id)> Links(FormErrors errors, Func<string, string> label) =>
        errors.ByField.Where(e => e.Key.Length > 0).ToDictionary(e => e.Key, e => (label(e.Key), IdFor(e.Key)));

    /// <summary>
    /// "weeklyHours.monday[1].end" → "Monday, range 2, closes": a path told in the form's words. Each name is looked
    /// up in <paramref name="words"/> (left out when its word is empty); a row is told by the word for "name[]" and
    /// its number from 1.
    /// </summary>
    public static string Label(string path, IReadOnlyDictionary<string, string> words)
    {
        var parts = new List<string>();
        foreach (Match part in Part().Matches(path))
        {
            var name = part.Groups["name"].Value;
            parts.Add(words.TryGetValue(name, out var word) ? word : name);
            if (part.Groups["index"].Success)
                parts.Add($"{words.GetValueOrDefault(name + "[]", "item")} {int.Parse(part.Groups["index"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) + 1}");
        }
        var text = string.Join(", ", parts.Where(p => p.Length > 0));
        return text.Length == 0 ? path : char.ToUpperInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_]+)(\[(?<index>[0-9]+)\])?")]
    private static partial Regex Part();

    [GeneratedRegex("[^A-Za-z0-9_]+")]
    private static partial Regex NotWord();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Rapport.Features.Escalation.Authority;
using Rapport.Features.People;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Pages;

/// <summary>
/// What the authority limits table posts: one cell per role and kind the person may change, each a limit typed in a
/// box (an amount, or days ahead), "no limit" ticked, or left empty for no authority.
/// </summary>
public sealed partial class LimitsForm
{
    public List<LimitCell> Cells { get; set; } = [];

    public static LimitsForm From(AuthorityLimitsDto limits, Func<Role, bool> mayChange) => new()
    {
        Cells = [.. limits.Roles.Where(r => mayChange(r.Role)).SelectMany(r => Enum.GetValues<CommitmentKind>().Select(kind =>
        {
            var limit = r.Limits.FirstOrDefault(l => l.Kind == kind);
            return new LimitCell
            {
                Role = EnumNames.ToSnakeCase(r.Role),
                Kind = EnumNames.ToSnakeCase(kind),
                Value = limit?.Amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? limit?.Days?.ToString(CultureInfo.InvariantCulture),
                NoLimit = limit?.Unlimited == true,
            };
        }))],
    };

    public int IndexOf(Role role, CommitmentKind kind) =>
        Cells.FindIndex(c => c.Role == EnumNames.ToSnakeCase(role) && c.Kind == EnumNames.ToSnakeCase(kind));

    /// <summary>Each role's request, with the cell each of its limits came from (so a problem lands on its cell).</summary>
    public List<(string Role, SetAuthorityLimitsRequest Request, List<int> Cells)> ToRequests(Validator check)
    {
        var requests = new List<(string, SetAuthorityLimitsRequest, List<int>)>();
        foreach (var role in Cells.Select(c => c.Role ?? "").Distinct())
        {
            var inputs = new List<AuthorityLimitInput?>();
            var cells = new List<int>();
            for (var i = 0; i < Cells.Count; i++)
            {
                var cell = Cells[i];
                if (cell.Role != role || !SnakeCaseEnumConverter<CommitmentKind>.TryParse(cell.Kind, out var kind)) continue;
                if (cell.NoLimit) inputs.Add(new AuthorityLimitInput(kind, null, null, true));
                else if (string.IsNullOrWhiteSpace(cell.Value)) continue;
                else if (!kind.IsMoney() && int.TryParse(cell.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
                    inputs.Add(new AuthorityLimitInput(kind, null, days, null));
                else if (kind.IsMoney() && decimal.TryParse(cell.Value.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var amount))
                    inputs.Add(new AuthorityLimitInput(kind, amount, null, null));
                else
                {
                    check.Add(CellField(i), kind.IsMoney() ? "Give an amount such as 250.00, or leave it empty." : "Give a whole number of days, or leave it empty.");
                    continue;
                }
                cells.Add(i);
            }
            requests.Add((role, new SetAuthorityLimitsRequest([.. inputs]), cells));
        }
        return requests;
    }

    public static string CellField(int index) => "cell" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The use case's "limits[2].amount" for a role is the form's cell its third limit came from.</summary>
    public static string FormField(string path, List<int> cells)
    {
        var match = LimitPath().Match(path);
        return match.Success && int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is var sent && sent < cells.Count
            ? CellField(cells[sent])
            : "";
    }

    [GeneratedRegex(@"^limits\[([0-9]+)\]")]
    private static partial Regex LimitPath();
}

public sealed class LimitCell
{
    public string? Role { get; set; }
    public string? Kind { get; set; }
    public string? Value { get; set; }
    public bool NoLimit { get; set; }
}

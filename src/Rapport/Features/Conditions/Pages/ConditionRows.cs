using Rapport.Web.Forms;

namespace Rapport.Features.Conditions.Pages;

/// <summary>A form's "all of" and "any of" rows (see <see cref="ConditionSetEditor"/>): the buttons that add and remove them, and the set they make.</summary>
public static class ConditionRows
{
    /// <summary>Adds or removes the row a command names (add-all, add-any, remove-all:2, remove-any:0); false for any other command.</summary>
    public static bool Apply(string[] command, List<ConditionRow> all, List<ConditionRow> any)
    {
        switch (command)
        {
            case ["add-all"]: all.Add(ConditionRow.Blank()); return true;
            case ["add-any"]: any.Add(ConditionRow.Blank()); return true;
            case ["remove-all", var row] when FormRows.Index(row, all.Count) is { } i: all.RemoveAt(i); return true;
            case ["remove-any", var row] when FormRows.Index(row, any.Count) is { } i: any.RemoveAt(i); return true;
            default: return false;
        }
    }

    public static ConditionSet ToSet(IEnumerable<ConditionRow> all, IEnumerable<ConditionRow> any) =>
        new() { All = [.. all.Select(r => r.ToCondition())], Any = [.. any.Select(r => r.ToCondition())] };
}

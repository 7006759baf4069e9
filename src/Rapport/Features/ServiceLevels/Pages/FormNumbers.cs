using System.Globalization;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Pages;

/// <summary>Numbers typed in a form, read as the request wants them; a box that holds something else is named.</summary>
public static class FormNumbers
{
    /// <summary>The id of a choice in a select; empty is none.</summary>
    public static long? Id(string field, string? text, Validator check)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
        check.Add(field, "Choose from the list.");
        return null;
    }

    /// <summary>A whole number; empty is none.</summary>
    public static int? Whole(string field, string? text, Validator check, string message = "Give a whole number, or leave it empty.")
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        check.Add(field, message);
        return null;
    }
}

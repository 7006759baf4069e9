using System.Globalization;

namespace Rapport.Web.Forms;

/// <summary>Rows a form adds and removes with submit buttons, so it works without JavaScript.</summary>
public static class FormRows
{
    /// <summary>The row a button's value names ("remove-any:2" posts "2"), or null when there is no such row.</summary>
    public static int? Index(string text, int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count ? i : null;
}

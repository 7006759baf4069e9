using System.Globalization;

namespace Rapport.Features.Email.Templates.Pages;

public static class LanguageNames
{
    /// <summary>"German (de)": the tag with its English name where .NET knows the language, else the tag alone.</summary>
    public static string Of(string tag)
    {
        try
        {
            return $"{CultureInfo.GetCultureInfo(tag, predefinedOnly: true).EnglishName} ({tag})";
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }
}

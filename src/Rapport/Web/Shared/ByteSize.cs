using System.Globalization;

namespace Rapport.Web.Shared;

/// <summary>A file's or a message's size as people read it: 812 B, 14.2 KB, 3 MB.</summary>
public static class ByteSize
{
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}

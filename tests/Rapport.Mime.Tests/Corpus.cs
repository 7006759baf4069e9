namespace Rapport.Mime.Tests;

/// <summary>The committed .eml files, copied beside the test assembly.</summary>
public static class Corpus
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "corpus", name);

    public static byte[] Bytes(string folder, string name) => File.ReadAllBytes(Path.Combine(Folder(folder), name + ".eml"));

    public static MimeMessage Parse(string folder, string name) => MimeParser.Parse(Bytes(folder, name));

    public static MimeMessage Handwritten(string name) => Parse("handwritten", name);

    /// <summary>Every corpus message, as (folder/name, bytes).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> All() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), "*.eml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "corpus"), path), File.ReadAllBytes(path)))
            .ToList();

    /// <summary>Line ends made LF, so expectations can be written plainly.</summary>
    public static string? Lf(string? text) => text?.Replace("\r\n", "\n");
}

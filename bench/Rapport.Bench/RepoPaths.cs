namespace Rapport.Bench;

/// <summary>Where the repository, the Release server and the bench's data and results are.</summary>
internal sealed class RepoPaths(string root)
{
    public string Root { get; } = root;
    public string ServerProject => Path.Combine(Root, "src", "Rapport");
    public string ServerDll => Path.Combine(ServerProject, "bin", "Release", "net10.0", "Rapport.dll");
    public string DataDirectory => Path.Combine(Root, "bench", ".data");
    public string ResultsDirectory => Path.Combine(Root, "bench", "results");

    /// <summary>The nearest directory holding Rapport.slnx, from where the harness was started or from its own binaries.</summary>
    public static RepoPaths Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return new RepoPaths(dir.FullName);
        }
        throw new InvalidOperationException("Cannot find Rapport.slnx above the current directory: run the bench from inside the repository.");
    }
}

namespace Rapport.Tests.Email.Intake;

/// <summary>Sample mails kept as files under samples/, copied beside the test assembly.</summary>
internal static class Samples
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Email", "Intake", "samples", name)).Replace("\r\n", "\n");
}

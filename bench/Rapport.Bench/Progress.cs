namespace Rapport.Bench;

/// <summary>Progress goes to standard error, so standard output holds only the markdown report.</summary>
internal static class Progress
{
    public static void Say(string line) => Console.Error.WriteLine(line);
}

using Rapport.Features.Tickets.Mentions;

namespace Rapport.Tests.Tickets;

public class MentionHandlesTests
{
    [Theory]
    [InlineData("@ann can you look?", new[] { "ann" })]
    [InlineData("Ask @Ann.Smith.", new[] { "ann.smith" })]
    [InlineData("(@ann, @bob) and @ann again", new[] { "ann", "bob" })]
    [InlineData("cc @ann@example.com please", new[] { "ann@example.com" })]
    [InlineData("Line one\n@ann: line two", new[] { "ann" })]
    public void Find_ReadsHandles_InTheOrderWritten_OnceEach(string note, string[] expected) =>
        Assert.Equal(expected, MentionHandles.Find(note));

    [Theory]
    [InlineData("Write to ann@example.com about it")]
    [InlineData("The log says `@ann failed` twice")]
    [InlineData("```\nssh @ann\n```\nsee above")]
    [InlineData("An @ on its own, or @ -")]
    [InlineData("Price @ £5 and @.dot")]
    public void Find_IgnoresAddressesInText_Code_AndLoneAts(string note) =>
        Assert.Empty(MentionHandles.Find(note));

    [Fact]
    public void Find_StopsAtTheCap()
    {
        var note = string.Join(' ', Enumerable.Range(0, MentionHandles.MaxPerNote + 5).Select(i => $"@agent{i}"));
        Assert.Equal(MentionHandles.MaxPerNote, MentionHandles.Find(note).Count);
    }

    [Theory]
    [InlineData("ann", "ANN@EXAMPLE.COM", true)]
    [InlineData("ann", "ANNE@EXAMPLE.COM", false)]
    [InlineData("ann@example.com", "ANN@EXAMPLE.COM", true)]
    [InlineData("ann@example.org", "ANN@EXAMPLE.COM", false)]
    [InlineData("an", "ANN@EXAMPLE.COM", false)]
    public void Names_TheWholeAddress_OrThePartBeforeTheAt(string handle, string address, bool names) =>
        Assert.Equal(names, MentionHandles.Names(handle, address));
}

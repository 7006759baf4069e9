using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

/// <summary>Whatever the text, the intake rules keep their promises.</summary>
public class IntakePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly Gen<string> SubjectPieces = Gen.Elements(
        "Re:", "RE:", "Re[2]:", "Fwd:", "FW:", "AW:", "WG:", "SV:", "VS:", "Antw:", "Réf :", "TR:", "RV:", "R:", "回复：", "转发:",
        "[List]", "[EXTERNAL]", "*EXTERNAL*", "(EXTERNAL)", "[#12]", "[Acme #9]", "[#0]", "[", "]", "#", ":", " ", "  ", "\t",
        "Printer", "offline", "Re", "Area 51:", "Invoice", "ÄÖÜ", "[Other #3]");

    private static readonly Gen<string> Subjects = Gen.OneOf(
        Gen.ListOf(SubjectPieces).Select(p => string.Join(" ", p)),
        Gen.ListOf(SubjectPieces).Select(string.Concat),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static readonly Gen<string> Lines = Gen.Elements(
        "Thanks, it works.", "", "  ", "> quoted", ">> deeper", "> ", "On Mon, 2 Mar 2026 at 10:02, Bob <bob@example.com> wrote:",
        "On Mon, 2 Mar 2026 at 10:02, Bob <", "bob@example.com> wrote:", "Am 02.03.2026 um 10:02 schrieb Bob:", "-- ", "--",
        "Sent from my iPhone", "-----Original Message-----", "________________________________", "From: Bob", "Sent: Monday",
        "To: Alice", "Subject: Printer", "Begin forwarded message:", "My answer.", "Alice", "\u00a0", "I wrote:");

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.ListOf(Lines).Select(l => string.Join("\n", l)),
        Gen.ListOf(Lines).Select(l => string.Join("\r\n", l)),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static readonly Gen<string> HtmlPieces = Gen.Elements(
        "<div>", "</div>", "<p class=MsoNormal>", "</p>", "<br>", "<blockquote type=cite>", "</blockquote>", "<ul>", "<li>", "</ul>",
        "<ol>", "</li>", "<a href=\"https://x.example\">", "<a href='#'>", "</a>", "<table><tr><td>", "</td><td>", "</tr></table>",
        "<pre>", "</pre>", "<script>", "</script>", "<div id=divRplyFwdMsg>", "<div class=yahoo_quoted>", "<div class=gmail_signature>",
        "&amp;", "&nbsp;", "&#0;", "&#xD800;", "text", " ", "\n", "<", ">", "<!--", "-->", "<img alt=x>", "<hr>", "<![CDATA[", "\u0000");

    private static readonly Gen<string> Html = Gen.OneOf(
        Gen.ListOf(HtmlPieces).Select(string.Concat),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static string NonWhiteSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void NormalisingASubject_Twice_ChangesNothing() =>
        Prop.ForAll(Subjects.ToArbitrary(), s => SubjectLine.Normalise(SubjectLine.Normalise(s)) == SubjectLine.Normalise(s)).Check(Runs);

    [Fact]
    public void ANormalisedSubject_HasNoTicketNumber() =>
        Prop.ForAll(Subjects.ToArbitrary(), s => SubjectLine.TicketNumber(SubjectLine.Normalise(s)) is null).Check(Runs);

    [Fact]
    public void AddingTheToken_ThenReadingIt_GivesTheNumberBack() =>
        Prop.ForAll(Subjects.ToArbitrary(), Gen.Choose(1, int.MaxValue).Select(n => (long)n * 7919).ToArbitrary(),
                Gen.Elements<string?>(null, "", "Acme", "Help Desk").ToArbitrary(),
                (subject, number, prefix) =>
                {
                    var tagged = SubjectLine.WithTicketToken(subject, number, prefix);
                    return SubjectLine.TicketNumber(tagged, prefix) == number
                        && SubjectLine.WithTicketToken(tagged, number, prefix) == tagged;
                })
            .Check(Runs);

    [Fact]
    public void SplittingAReply_LosesNoCharacter() =>
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            var parts = ReplyText.Split(text);
            return NonWhiteSpace(parts.NewText + parts.Rest) == NonWhiteSpace(text);
        }).Check(Runs);

    [Fact]
    public void SplittingAReply_NeverLeavesTheNewTextEmpty_WhenThereWasText() =>
        Prop.ForAll(Texts.ToArbitrary(), text =>
            string.IsNullOrWhiteSpace(text) || !string.IsNullOrWhiteSpace(ReplyText.Split(text).NewText)).Check(Runs);

    [Fact]
    public void HtmlToText_NeverThrows_AndKeepsItsPromises() =>
        Prop.ForAll(Html.ToArbitrary(), html =>
        {
            var text = HtmlText.ToText(html);
            var parts = ReplyText.Split(null, html);
            // Nested list items keep their indent, even on the first line.
            return !text.Contains("\n\n\n", StringComparison.Ordinal) && text == text.TrimEnd() && !text.StartsWith('\n')
                && NonWhiteSpace(parts.NewText + parts.Rest) == NonWhiteSpace(text);
        }).Check(Runs);

    [Fact]
    public void TheSlidingWindow_AllowsExactlyWhenFewerThanMaxCount_AndFreesWhenItSays()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var cases =
            from max in Gen.Choose(0, 6)
            from minutes in Gen.Choose(1, 60)
            from ago in Gen.ListOf(Gen.Choose(-5 * 60, 90 * 60))
            select (Window: new SlidingWindow(max, TimeSpan.FromMinutes(minutes)), Times: ago.Select(s => now.AddSeconds(-s)).ToArray());
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var decision = c.Window.Decide(c.Times, now);
            var counted = c.Times.Count(t => t > now - c.Window.Length);
            var consistent = decision.InWindow == counted && decision.Allowed == (counted < c.Window.Max);
            if (decision.AllowedFrom is not { } from) return consistent && (decision.Allowed || c.Window.Max == 0);
            var justBefore = c.Window.Decide(c.Times, from.AddTicks(-1));
            return consistent && from > now && c.Window.Decide(c.Times, from).Allowed && !justBefore.Allowed;
        }).Check(Runs);
    }
}

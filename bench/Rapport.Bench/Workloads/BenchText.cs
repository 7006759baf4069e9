using System.Net;

namespace Rapport.Bench.Workloads;

/// <summary>What callers write: subjects and bodies of everyday lengths (a few hundred characters, two or three paragraphs).</summary>
internal static class BenchText
{
    /// <summary>
    /// Words agents look for, all in the demo conversations: from one ticket in seventy ("parcel") to one in eight
    /// ("payment") of a seeded set, so a search reads and ranks from about 1 % to 12 % of the tickets.
    /// </summary>
    public static readonly string[] SearchWords =
    [
        "cancel", "parcel", "boiler", "damaged", "broadband", "contract", "screen", "password", "replacement", "invoice",
        "appointment", "engineer", "meter", "courier", "refund", "address", "delivery", "payment",
    ];

    public static readonly string[] Subjects =
    [
        "Invoice shows the wrong VAT rate",
        "Cannot sign in since the password reset",
        "Delivery arrived damaged, need a replacement",
        "Question about changing my direct debit date",
        "Heating still not working after the engineer's visit",
        "Please close my account and delete my data",
        "Order 48213 charged twice",
        "App crashes when I upload a photo",
    ];

    public static readonly string[] Openings =
    [
        "Hello,\n\nI was charged twice for the same order last Tuesday and I can see both payments on my bank statement. "
            + "The order number is on the confirmation email, which I have attached a copy of. Could you refund the second payment, "
            + "and let me know how long it will take to reach my account?\n\nThanks for your help,\nSam",
        "Hi there,\n\nSince resetting my password yesterday I cannot sign in at all: the page just reloads without an error message. "
            + "I have tried two browsers and cleared my cookies. I need to download my statements before Friday for my accountant, "
            + "so I would be grateful for a quick answer.\n\nKind regards,\nAlex Morgan",
        "Good morning,\n\nThe engineer came on Monday and said the boiler was fixed, but the radiators on the second floor are still cold "
            + "and the office is at 14 degrees. We have staff working there all week. Can someone come back today or tomorrow? "
            + "Anyone at reception can let them in from 8am.\n\nMany thanks,\nPriya",
    ];

    public static readonly string[] Replies =
    [
        "Thank you for getting in touch, and sorry for the trouble. I have checked your account and can see what happened; "
            + "I have put it right and you should see the change within two working days.\n\nIf anything still looks wrong after that, "
            + "reply to this message and it will come straight back to me.",
        "Thanks for the details. I have passed this to our technical team with the screenshots you sent, and asked them to look at it today. "
            + "I will update you by tomorrow lunchtime at the latest, sooner if they find the cause.",
        "I have booked an engineer for tomorrow morning between 8 and 12; they will call 30 minutes before arriving. "
            + "Sorry again that the first visit did not fix it.",
    ];

    /// <summary>The HTML the server makes from plain paragraphs: one encoded &lt;p&gt; each, lines kept with &lt;br&gt;.</summary>
    public static string Html(string text) => string.Join("\n", text.Split("\n\n").Select(p =>
        "<p>" + string.Join("<br>\n", p.Split('\n').Select(WebUtility.HtmlEncode)) + "</p>")) + "\n";
}

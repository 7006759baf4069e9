using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>What demo customers are like: their languages, needs, expectations and departments.</summary>
internal static class DemoCustomerPhrases
{
    /// <summary>BCP 47 tag, where names come from (a Bogus locale, or "uk"/"cy" for <see cref="DemoNames"/>), and weight.</summary>
    public static readonly (string Tag, string Names, float Weight)[] Languages =
    [
        ("en", "uk", 0.72f), ("cy", "cy", 0.08f), ("pl", "pl", 0.05f), ("fr", "fr", 0.03f), ("de", "de", 0.03f),
        ("es", "es", 0.03f), ("it", "it", 0.02f), ("pt", "pt_PT", 0.02f), ("en", "en_IND", 0.02f),
    ];

    public static readonly (Channel Channel, float Weight)[] PreferredChannels =
    [
        (Channel.Email, 0.38f), (Channel.Phone, 0.26f), (Channel.Web, 0.1f), (Channel.Chat, 0.1f), (Channel.Sms, 0.05f),
        (Channel.Letter, 0.05f), (Channel.Social, 0.03f), (Channel.InPerson, 0.03f),
    ];

    public static readonly string[] CommunicationNeeds =
    [
        "Large print (18pt) for all letters and bills.",
        "Deaf, BSL user: book a BSL interpreter for calls by video and for appointments.",
        "Uses a screen reader: send plain text emails or accessible PDFs, never scanned images.",
        "Plain English, please: short sentences and no jargon.",
        "Prefers phone calls after 5pm on weekdays (works shifts).",
        "Hard of hearing: use email, text, or Relay UK (18001) for calls.",
        "Dyslexic: prefers short emails with the main point first, or a phone call.",
        "Needs a Polish interpreter for anything about contracts or money.",
        "Has a lasting power of attorney: speak to their daughter, who is named on the account.",
        "Anxiety: give a named contact and avoid unexpected phone calls.",
        "Easy read versions of letters, where there are any.",
        "Prefers Welsh for letters and calls.",
    ];

    public static readonly string[] NeedsAndExpectations =
    [
        "Expects a call back the same day when a payment fails.",
        "Wants one named contact rather than explaining again each time.",
        "Expects written confirmation of anything agreed on the phone.",
        "Runs a small business: response within two hours on weekdays matters more than anything else.",
        "Has complained before about being passed between teams; keep it with one person.",
        "Happy with self-service; only contacts us when the portal can't help.",
        "Vulnerable customer: check in before any change to payments.",
        "Expects us to know the history without being told it again.",
        "Prefers everything in one email rather than several small ones.",
        "Key contact for their company's account: copy them in on anything affecting staff.",
    ];

    public static readonly string[] CompanyNotes =
    [
        "Key account. Quarterly service review with their operations manager.",
        "Public sector client; contract renews in April.",
        "Charity partner: reduced tariff agreed for three years.",
        "Pays by invoice on 30-day terms.",
        "Several sites; each site manager may raise tickets.",
        "New client this year. Make the first months count.",
    ];

    /// <summary>Departments of the organisation itself, whose staff are internal customers.</summary>
    public static readonly string[] Departments =
        ["Finance", "Human Resources", "Facilities", "Marketing", "Sales", "Legal", "Operations", "Field Engineering"];

    /// <summary>Things that are delivered, returned and arrive broken.</summary>
    public static readonly string[] Items =
        ["smart meter display", "broadband router", "mobile phone", "water filter", "TV box", "tablet", "smart thermostat", "security camera"];

    /// <summary>Things customers subscribe to and cancel.</summary>
    public static readonly string[] Services =
        ["home insurance policy", "boiler cover plan", "energy tariff", "TV package", "broadband contract", "phone contract"];

    public static readonly string[] Systems = ["finance", "CRM", "HR records", "payroll", "field scheduling", "marketing"];

    public static readonly string[] Rooms = ["Conwy meeting room", "board room", "training room", "Brecon meeting room", "room 3.14"];
}

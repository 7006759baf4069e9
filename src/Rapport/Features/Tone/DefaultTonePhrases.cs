namespace Rapport.Features.Tone;

/// <summary>
/// The phrase lists Rapport starts with, until an admin edits a language's list. They follow the usual advice for
/// written customer service: say what can be done rather than what cannot, do not blame, do not lecture.
/// </summary>
public static class DefaultTonePhrases
{
    public static IReadOnlyList<PhraseAdvice>? For(string language) => language switch
    {
        "en" => English,
        "de" => German,
        _ => null,
    };

    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    private static readonly PhraseAdvice[] English =
    [
        new("you failed to", "Say what happened without blame: \"it looks like … didn't go through\"."),
        new("you didn't", "Describe the situation, not the customer: \"it seems … is still missing\"."),
        new("you should have", "Look ahead: \"next time, you can …\"."),
        new("you need to", "Ask: \"could you please …\"."),
        new("you must", "Ask: \"please …\"."),
        new("we can't", "Say what you can do: \"what we can do is …\"."),
        new("we cannot", "Say what you can do: \"what we can do is …\"."),
        new("it's our policy", "Explain the reason: \"so that …, we …\"."),
        new("it is our policy", "Explain the reason: \"so that …, we …\"."),
        new("as I said", "Recap kindly: \"to recap, …\"."),
        new("as I already said", "Recap kindly: \"to recap, …\"."),
        new("calm down", "Acknowledge the feeling: \"I understand this is frustrating\"."),
        new("that's not my job", "Take ownership: \"let me find the right person for this\"."),
        new("not my department", "Take ownership: \"let me find the right person for this\"."),
        new("I don't know", "Commit to finding out: \"let me find out for you\"."),
        new("impossible", "Offer the alternative: \"what is possible is …\"."),
        new("no problem", "Say it positively: \"happy to help\"."),
        new("obviously", "Leave it out: what is obvious to us may not be to the customer."),
    ];

    private static readonly PhraseAdvice[] German =
    [
        new("Sie haben vergessen", "Ohne Vorwurf beschreiben: \"es sieht so aus, als fehlte noch …\"."),
        new("Sie hätten", "Nach vorn schauen: \"beim nächsten Mal können Sie …\"."),
        new("Sie müssen", "Bitten: \"könnten Sie bitte …\"."),
        new("das geht nicht", "Sagen, was geht: \"was wir tun können, ist …\"."),
        new("wir können nicht", "Sagen, was geht: \"wir können Ihnen Folgendes anbieten …\"."),
        new("das ist unsere Richtlinie", "Den Grund nennen: \"damit …, machen wir es so\"."),
        new("wie bereits gesagt", "Freundlich zusammenfassen: \"zur Erinnerung: …\"."),
        new("beruhigen Sie sich", "Das Gefühl anerkennen: \"ich verstehe, dass das ärgerlich ist\"."),
        new("dafür bin ich nicht zuständig", "Verantwortung übernehmen: \"ich finde die richtige Ansprechperson\"."),
        new("ich weiß es nicht", "Zusagen: \"ich finde es für Sie heraus\"."),
        new("unmöglich", "Die Alternative nennen: \"möglich ist …\"."),
        new("kein Problem", "Positiv sagen: \"gern geschehen\"."),
    ];
}

namespace Rapport.Features.Demo;

/// <summary>The parts of a conversation that fit any topic: follow-ups, progress, questions back, notes.</summary>
internal static class DemoPhrases
{
    /// <summary>What a customer says next when the agent has not asked anything.</summary>
    public static readonly string[] CustomerFollowUps =
    [
        "Thanks for getting back to me. Please keep me updated.",
        "Any news on this? It's been a few days now.",
        "That's helpful, thank you. When can I expect it to be sorted?",
        "Could you confirm that in writing, please?",
        "I'm not happy that this is taking so long. Please can someone sort it out.",
        "OK, thanks. I'll wait to hear from you.",
        "Sorry, I missed your call. I'm free tomorrow morning if that suits.",
    ];

    public static readonly string[] Progress =
    [
        "Thanks, that's everything I need. I'm looking into it now and will update you by {date}.",
        "I've asked our specialists to check this. I'll update you by {date}.",
        "Thanks for your patience. I'm still waiting to hear back and will update you by {date}.",
        "Sorry for the delay. I've chased this today and asked for it to be prioritised.",
        "I've checked your account and can see what's happened. I'm putting it right now.",
    ];

    /// <summary>An agent's question that leaves the ticket waiting on the customer, with the customer's answer.</summary>
    public static readonly (string Ask, string Answer)[] Asks =
    [
        ("Could you confirm your date of birth and the first line of your address, so I can check it's you?",
         "My date of birth is {birthday} and my address starts {address}."),
        ("Could you send a photo of the problem? It will help me get it fixed faster.", "I've emailed you a photo just now."),
        ("Could you tell me a good time to call you back?", "Any time after 5pm works for me."),
        ("Before I go ahead, could you confirm you're happy with this?", "Yes, I'm happy for you to go ahead."),
        ("Could you check whether the problem is still there and let me know?", "I've just checked and it's still the same."),
    ];

    /// <summary>The last word before a ticket waits on someone else.</summary>
    public static readonly string[] Holds =
    [
        "I've asked our supplier for an update and will come back to you as soon as they reply, by {date} at the latest.",
        "This is waiting for a part to arrive. I'll contact you as soon as it's here.",
        "Our engineers are testing a fix. I'll update you by {date}, sooner if it's ready.",
    ];

    public static readonly string[] Notes =
    [
        "Checked the account history: this is the customer's second contact about this in a month.",
        "Identity checked on the phone: date of birth and postcode match.",
        "@{colleague} could you take a look? You dealt with a similar case last week.",
        "Called the customer, no answer. Left a voicemail asking them to reply here.",
        "Customer sounded upset on the phone. Keep them updated even if there's no news.",
    ];

    public static readonly string[] HoldNotes =
    [
        "On hold until the supplier replies ({ref}).",
        "On hold: waiting for the engineer's report.",
        "On hold until the part arrives, expected {date}.",
    ];

    public static readonly string[] Chasers =
    [
        "I sent this a few days ago and haven't heard anything. Has anyone seen it?",
        "Just checking you got my message. It's quite urgent.",
    ];
}

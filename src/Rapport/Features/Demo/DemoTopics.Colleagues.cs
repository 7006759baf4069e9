using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>What internal customers, colleagues in other departments, ask the internal services team.</summary>
internal static partial class DemoTopics
{
    public static readonly DemoTopic[] Colleagues =
    [
        new(TicketType.Problem, DemoTeam.Colleagues, ["it", "vpn"],
        [
            new(["Laptop will not connect to the VPN"],
                "Since the update on {since} my laptop won't connect to the VPN from home. I get an error about the certificate.",
                "Thanks. The update replaced the VPN certificate; I've pushed the new one to your laptop. Please restart it and try again.",
                "The new certificate is installed and you're connected. Thanks for your patience."),
            new(["VPN drops every few minutes"],
                "The VPN keeps dropping every few minutes, which throws me out of the {system} system each time.",
                "Could you tell me your laptop's asset tag? It's on the sticker underneath.",
                "We replaced the network driver and the connection has been stable for a day, so I'll close this.",
                "It's {ref}."),
        ], ["Asset checked and network driver updated."]),
        new(TicketType.Request, DemoTeam.Colleagues, ["it", "new_starter"],
        [
            new(["New starter: {person} needs a laptop and access"],
                "{person} joins {dept} on {date}. Please set up a laptop, an email account and access to the {system} system.",
                "Thanks for the notice. The laptop is being prepared; could you confirm who approves access to the {system} system?",
                "Everything is ready: the laptop is at the {dept} desk and the sign-in details are with the line manager.",
                "The head of {dept} approves it; I've copied them in."),
            new(["Accounts for our new team member"],
                "We have a new colleague starting on {date}. They'll need the same access as the rest of {dept}.",
                "Thanks. I've raised the accounts and will have everything ready by {date}.",
                "The accounts are set up and tested. Welcome to the new starter."),
        ], ["Approval from the system owner received by email."]),
        new(TicketType.Request, DemoTeam.Colleagues, ["access"],
        [
            new(["Access to the {system} shared drive"],
                "Could I have read access to the {system} shared drive? My manager has agreed.",
                "I need approval from the owner of the drive before I can add you; I've asked them today.",
                "Access granted: you'll see the drive next time you sign in."),
            new(["Please remove access for a leaver"],
                "A colleague in {dept} left on {since}. Please remove their access to everything.",
                "Thanks for letting us know. I've disabled the account and I'm removing the remaining access now.",
                "All access for the leaver has been removed and their mailbox passed to their manager."),
        ]),
        new(TicketType.Problem, DemoTeam.Colleagues, ["facilities"],
        [
            new(["Screen not working in the {room}"],
                "The screen in the {room} won't show anything from a laptop, and I have a client meeting there at 2pm.",
                "Sorry about that. Someone from facilities is on the way to the {room} now.",
                "The cable behind the screen had come loose and has been replaced; the room is ready for your meeting."),
            new(["Heating broken on the second floor"],
                "The heating on the second floor has been off since {since}; it's very cold for everyone in {dept}.",
                "Thanks. I've logged it with the building contractor as urgent.",
                "The contractor replaced a failed pump and the heating is back on."),
        ], ["Logged with the building contractor as {ref}."]),
        new(TicketType.Question, DemoTeam.Colleagues, ["hr", "policy"],
        [
            new(["Question about the expenses policy"],
                "Can I claim for a taxi home after a late meeting, or only for public transport?",
                "After 9pm you can claim for a taxi; before then, public transport. It's in section 4 of the expenses policy.",
                "I've emailed you the current expenses policy for reference."),
            new(["How do I book training for my team?"],
                "Three people in {dept} need customer service training. How do we book it, and which budget pays?",
                "Training is booked through the learning portal, and it comes from the central training budget, not {dept}'s. Would you like me to book it for you?",
                "I've booked the three places on the course on {date}.",
                "Yes please, for the course on {date}."),
        ]),
    ];
}

using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>Complaints, feedback and compliments: the customer's voice, handled by its own procedures.</summary>
internal static partial class DemoTopics
{
    private static readonly string[] ComplaintNotes =
    [
        "Complaint acknowledged within two working days. Full response due by {date}.",
        "Root cause and remedy recorded; agreed with {lead}.",
    ];

    private static DemoTopic[] Complaints =>
    [
        new(TicketType.Complaint, DemoTeam.Complaints, ["complaint", "missed_appointment"],
        [
            new(["Complaint: engineer did not turn up", "Second missed appointment"],
                "I took a day off work on {since} for your engineer, who never arrived, and nobody called. This is the second time. I want to make a formal complaint.",
                "Thank you for telling us, and I'm sorry we let you down. I'm {agent} from the complaints team and I'll look into this personally. You'll have a full response within ten working days.",
                "I've finished my investigation. Our scheduling system double-booked the engineer and nobody told you. I've paid {amount} for your lost day and booked a fixed first appointment on {date}. If you're not happy with this response, you can ask the ombudsman to review it."),
            new(["Appointment cancelled without telling me"],
                "I waited in all day again for a visit that didn't happen. I'm fed up with being let down and want this looked at properly.",
                "I'm sorry about the missed visit. I've logged this as a formal complaint and I'm finding out what went wrong with the booking.",
                "You were right to complain. The visit was cancelled without anyone letting you know, and we've changed how cancellations are sent so it doesn't happen again. I've credited {amount} to your account."),
        ], ComplaintNotes),
        new(TicketType.Complaint, DemoTeam.Complaints, ["complaint", "staff_conduct"],
        [
            new(["Formal complaint about how I was treated on the phone"],
                "When I called on {since}, the person I spoke to was rude and put the phone down on me. I expect better.",
                "I'm very sorry about your experience. I've logged a formal complaint and I'm listening to the call recording to understand what happened.",
                "I've listened to the call and agree it was not handled well. I've discussed it with the colleague and their team lead, and it will be used in coaching. Please accept our apologies and a {amount} credit."),
            new(["Rude member of staff at the {city} office"],
                "I visited your {city} office on {since} and was spoken to in a way I found humiliating, in front of other people.",
                "I'm sorry. Nobody should be treated like that. I've logged a formal complaint and will speak to the office manager this week.",
                "The office manager has spoken to the staff involved, and the whole team is doing refresher training. I'm sorry again for how you were treated."),
        ], ComplaintNotes),
        new(TicketType.Complaint, DemoTeam.Complaints, ["complaint", "refund"],
        [
            new(["Still no refund after three weeks"],
                "I was promised a refund of {amount} on {since}. Three weeks later there's still nothing, and each time I call I'm told something different.",
                "I'm sorry: you should not have had to chase us. I've logged a formal complaint and I'm tracing where your refund got stuck.",
                "The refund of {amount} was held up by a missing approval. It has now been paid, with an extra £25 for the inconvenience."),
            new(["Complaint about repeated billing errors"],
                "This is the third bill in a row that's been wrong. I've spent hours on the phone putting it right and I want it sorted for good.",
                "I'm sorry for the repeated errors and the time you've spent on them. I've logged a formal complaint and asked our billing team to check every bill since {month}.",
                "We found an incorrect tariff on your account, which caused each error. It's corrected, your bills have been recalculated, and you're {amount} in credit."),
        ], ComplaintNotes),
        new(TicketType.Complaint, DemoTeam.Complaints, ["complaint", "accessibility"],
        [
            new(["You ignored my request for large print"],
                "I asked six months ago for letters in large print, and you're still sending normal print. I can't read them.",
                "I'm very sorry. We should have made this change when you first asked. I've logged a formal complaint and fixed the setting on your account today.",
                "Your account now sends everything in large print, and I've checked the setting with our print supplier. We've also added a check so requests like yours can't be missed."),
            new(["No interpreter at my appointment"],
                "I asked for a BSL interpreter for my appointment on {since}. Nobody was there, and I had to go home.",
                "I'm so sorry. That should never have happened. I've logged a formal complaint and I'm finding out why the booking failed.",
                "The booking was never sent to the interpreting service because of a form error, which is now fixed. Your new appointment on {date} has an interpreter confirmed."),
        ], ComplaintNotes),
    ];

    private static DemoTopic[] Feedback =>
    [
        new(TicketType.Feedback, DemoTeam.FrontLine, ["feedback", "app"],
        [
            new(["Suggestion for the mobile app", "Idea: reminders before payments are taken"],
                "It would help if the app reminded me a day before a payment is taken, so I can make sure the money is there.",
                "Thank you for the suggestion. You're not the only one to ask for this, so I've passed it to our digital team.",
                "Good news: payment reminders are planned for the next version of the app."),
            new(["Usage chart in the app?"],
                "Could the app show my usage as a chart? It would help me spot when something is wrong.",
                "Thanks for taking the time to tell us. I've passed it to our digital team, who read all feedback every month.",
                "I've logged your feedback with our product team, and we'll let you know if the change is made."),
        ], ["Logged as improvement idea {ref}."]),
        new(TicketType.Feedback, DemoTeam.FrontLine, ["feedback", "portal"],
        [
            new(["Feedback on the new portal"],
                "The new portal looks cleaner, but it took me ages to find my bills. Could they be on the home page?",
                "Thanks for telling us. I've passed your comments to the team who built the portal.",
                "Your feedback has been logged, and bills will move to the portal home page in next month's update."),
            new(["Your hold music is far too loud"],
                "I waited 20 minutes on hold yesterday and the music was so loud I had to hold the phone away from my ear.",
                "Thanks for letting us know, and sorry for the wait. I've asked our telephony team to check the volume.",
                "The hold music volume has been turned down. Thanks for pointing it out."),
        ], ["Third comment this month on the same thing: added to the feedback themes."]),
    ];

    private static DemoTopic[] Compliments =>
    [
        new(TicketType.Compliment, DemoTeam.FrontLine, ["compliment"],
        [
            new(["Thank you to {agent} for excellent help"],
                "I want to say thank you to {agent}, who sorted out my problem in one call and was so patient with me.",
                "Thank you so much for your kind words. I've passed them on to {agent} and their manager.",
                "Your thanks have been shared with the whole team and recorded for {agent}'s review."),
            new(["Compliment for your engineer"],
                "The engineer who came on {since} was polite, tidy and explained everything. Please pass on my thanks.",
                "That's lovely to hear. I've passed your thanks on to the engineer and their manager.",
                "Thanks again: compliments like yours make the team's day."),
            new(["Great service at the {city} office"],
                "The staff at your {city} office went out of their way to help my elderly mother. Thank you.",
                "Thank you for taking the time to tell us. I've shared this with the {city} office manager.",
                "The {city} team were delighted to hear it. Thanks again."),
        ], ["Compliment recorded for the team's recognition board."]),
    ];
}

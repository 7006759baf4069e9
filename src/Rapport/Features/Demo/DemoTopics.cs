using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>The demo teams, by the job they do; names and aims are in <see cref="DemoStaff"/>.</summary>
internal enum DemoTeam { FrontLine, Billing, Technical, Complaints, Colleagues }

/// <summary>
/// One way a conversation about a topic goes: the subjects a customer gives it, how they open,
/// the agent's first answer (and the customer's answer to it, when it asks something) and how it
/// is put right. Templates use {placeholders} filled per ticket (see <see cref="DemoFacts"/>);
/// no Markdown syntax (see <see cref="DemoText"/>).
/// </summary>
internal sealed record DemoScenario(string[] Subjects, string Opening, string Reply, string Resolution, string? Answer = null);

/// <summary>What a demo ticket is about, who handles it, its tags and notes agents write on it.</summary>
internal sealed record DemoTopic(TicketType Type, DemoTeam Team, string[] Tags, DemoScenario[] Scenarios, string[]? Notes = null);

internal static partial class DemoTopics
{
    /// <summary>Topics raised by customers outside the organisation, by type.</summary>
    public static readonly IReadOnlyDictionary<TicketType, DemoTopic[]> External = new[]
        { Questions, Requests, Problems, Incidents, Complaints, Feedback, Compliments }
        .SelectMany(t => t).GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.ToArray());

    private static DemoTopic[] Questions =>
    [
        new(TicketType.Question, DemoTeam.Billing, ["billing", "invoice"],
        [
            new(["Question about my {month} bill", "Why is my {month} bill higher than usual?"],
                "My bill for {month} is {amount}, which is more than I normally pay. Could you explain what the extra charge is for?",
                "Thanks for asking. The extra is the yearly service charge, which we take once a year in {month}. Your regular monthly payment has not changed.",
                "I've added a note to your account and emailed you a breakdown of the charges. If anything still looks wrong, just reply and I'll look again."),
            new(["Service adjustment on my {month} invoice", "Charges on my latest bill"],
                "I don't understand the line called service adjustment on my {month} invoice. What is it, and will it be on every bill from now on?",
                "I've looked at your account: the adjustment is a one-off correction for a meter reading we estimated in the spring. It will not appear on future bills.",
                "I've applied a goodwill credit of {amount} because the adjustment was not explained on the bill. It will show on your next statement."),
        ], ["Bill explained; no error found."]),
        new(TicketType.Question, DemoTeam.FrontLine, ["delivery", "order"],
        [
            new(["Where is my order {order}?", "Order {order} has not arrived yet"],
                "I ordered a {item} on {since} (order {order}) and the tracking page hasn't changed for three days. When will it arrive?",
                "I've checked with the courier: your parcel is at their {city} depot and is booked for delivery tomorrow between 9am and 1pm.",
                "The courier confirms your parcel was delivered this morning and signed for. Reply if anything is missing."),
            new(["Delivery date for order {order}"],
                "Could you tell me when order {order} will be delivered? I need to arrange for someone to be at home.",
                "Order {order} left our warehouse yesterday. Would a named day suit you better than the standard delivery window?",
                "I've arranged a named-day delivery for {date} and sent you the new tracking details by text.",
                "Yes please, a named day would be much easier for us."),
        ]),
        new(TicketType.Question, DemoTeam.FrontLine, ["account"],
        [
            new(["How do I change my contact details?", "Updating my email address"],
                "I've changed my email address and want letters and bills to go to the new one. How do I update it?",
                "You can change it in the portal under My account, then Contact details. If you'd rather, reply with the new address and I'll update it once I've checked your identity.",
                "I've updated your details. You'll get a confirmation at the new address within the hour.",
                "Could you do it for me? I find the portal hard to use."),
            new(["Changing the name on my account"],
                "I got married recently and need to change my surname on the account. What do you need from me?",
                "To change your name we need a copy of your marriage certificate. You can upload it in the portal or post it to our {city} office.",
                "Your account now shows your new name, and your next bill will use it too.",
                "I've uploaded the certificate in the portal just now."),
        ]),
        new(TicketType.Question, DemoTeam.FrontLine, ["opening_hours"],
        [
            new(["Opening hours over the bank holiday"],
                "Will your phone lines be open over the bank holiday weekend? I need to speak to someone about my account.",
                "Our phone lines are open from 9am to 1pm on the bank holiday Monday and as usual on the other days. Chat and the portal are there at any time.",
                "I've emailed you our published service hours so you have them to hand."),
            new(["Is the {city} office open on Saturdays?"],
                "Is your {city} office open on Saturday mornings? I work during the week.",
                "Yes, the {city} office is open from 9am to 12.30pm on Saturdays, and you don't need an appointment.",
                "I've noted on your account that weekday calls are hard for you, so we'll write rather than phone."),
        ]),
        new(TicketType.Question, DemoTeam.Billing, ["payments", "direct_debit"],
        [
            new(["Can I pay by direct debit?"],
                "I pay by card each month at the moment. Can I switch to direct debit, and can I choose the date it's taken?",
                "Yes: you can set up a direct debit in the portal under Payments and pick any date between the 1st and the 28th. I can also set it up for you now if you give me the date.",
                "Your direct debit is set up and the first payment of {amount} will be taken on the 28th. A confirmation letter is on its way.",
                "Please set it up for the 28th, using the bank details you already have."),
            new(["Changing my payment date"],
                "My salary now comes on the 28th. Could you move my payment date from the 1st?",
                "I can move your payment date to the 28th. The change takes one billing cycle, so your next payment will still be on the 1st.",
                "Done: from next month your payment will be taken on the 28th."),
        ]),
        new(TicketType.Question, DemoTeam.FrontLine, ["privacy"],
        [
            new(["Do you share my data with third parties?"],
                "Before I sign up for the newsletter I'd like to know whether you share my details with anyone else.",
                "We only share your details with companies that provide services for us, such as our courier, and we never sell them. Our privacy notice lists who they are.",
                "I've emailed you our privacy notice. If you'd like a copy of the data we hold about you, just ask and we'll start a subject access request."),
            new(["How long do you keep my records?"],
                "I closed my account last year. How long will you keep my personal data?",
                "We keep account records for six years after an account closes, because tax law requires it. After that they are deleted.",
                "I've noted that you don't want marketing from us, and that applies from today.",
                "Thanks. In the meantime, please don't send me any marketing."),
        ]),
    ];

    private static DemoTopic[] Requests =>
    [
        new(TicketType.Request, DemoTeam.FrontLine, ["account", "change_of_address"],
        [
            new(["Moving house on {date}", "Please update my address"],
                "I'm moving on {date}. Please change my address to {address}, {city} {postcode} from that date.",
                "Thanks for letting us know. Before I change the address, could you confirm the first line of your old address and your date of birth?",
                "Your address will be {address}, {city} {postcode} from {date}. We'll send a final bill for your old address within two weeks.",
                "Of course: my date of birth is {birthday} and the first line of my old address is {oldaddress}."),
            new(["New billing address"],
                "Could you update my billing address? The new one is {address}, {city} {postcode}.",
                "Thanks. I've checked your identity from the details on the account, and I'm updating it now.",
                "All done: the new address is on your account and a confirmation letter is on its way there."),
        ], ["Identity checked: date of birth and previous address match."]),
        new(TicketType.Request, DemoTeam.Billing, ["refund"],
        [
            new(["Refund for order {order}"],
                "I returned the {item} from order {order} two weeks ago. Please refund the {amount} to my card.",
                "Thanks, I can see the return reached our warehouse on {since}. I've asked our finance team to process the refund.",
                "Your refund of {amount} has been sent to the card ending {card}. It can take up to five working days to appear."),
            new(["Request a refund of {amount}", "Refund after cancelling within 14 days"],
                "I cancelled within the 14-day cooling-off period, so I'd like a full refund of {amount}.",
                "You're right that you cancelled within 14 days. The refund of {amount} is over my limit, so I've asked my team lead to approve it today.",
                "The refund of {amount} is approved and on its way. I'm sorry it took longer than it should have."),
        ], ["Refund is over my authority limit: asked {lead} to approve.", "Refund approved by {lead}."]),
        new(TicketType.Request, DemoTeam.FrontLine, ["documents"],
        [
            new(["Copy of my contract, please"],
                "I need a copy of my contract for a mortgage application. Can you send one?",
                "Of course. Would you like it by email, or posted to the address on your account?",
                "I've emailed the contract as a PDF, and a paper copy is in the post as well.",
                "Both, please, if that's possible. The mortgage adviser wants a paper copy."),
            new(["Request for my last six statements"],
                "Please send me statements for the last six months. I need them for a benefits claim.",
                "I can do that. They'll come as one PDF: is the email address on your account still the best one?",
                "The statements are now in your portal under Documents, and a printed copy is on its way.",
                "Yes, that's the right address."),
        ]),
        new(TicketType.Request, DemoTeam.FrontLine, ["cancellation"],
        [
            new(["Cancel my {service}", "Please cancel at the end of the month"],
                "I'd like to cancel my {service} at the end of this month. Please confirm there's nothing more to pay.",
                "I'm sorry to see you go. Your {service} will end on the last day of the month and there is nothing more to pay.",
                "Your {service} is cancelled and a final statement showing a zero balance is on its way. Thank you for being a customer."),
            new(["Please close my account"],
                "I'm moving abroad and need to close my account. What happens to my credit balance of {amount}?",
                "Before I close the account I'll refund your credit balance of {amount}. Which bank account should we pay it into?",
                "Your account is closed and the credit of {amount} has been refunded.",
                "Please pay it into the account my direct debit comes from."),
        ]),
        new(TicketType.Request, DemoTeam.FrontLine, ["callback"],
        [
            new(["Please call me back about my {service}", "Call back request"],
                "Could someone call me back about my {service}? I'm free after 5pm on weekdays.",
                "Thanks for asking. I've booked a call back for tomorrow between 5pm and 6pm on the number on your account.",
                "Thanks for your time on the phone. I've noted what we agreed on your account and emailed you a summary."),
            new(["Waited too long on the phone"],
                "I tried to call twice today but the wait was too long. Please ring me back when you can.",
                "I'm sorry about the wait today; Mondays are our busiest time. I'll call you back this afternoon.",
                "As agreed on the call, I've emailed you a summary of what we discussed."),
        ]),
        new(TicketType.Request, DemoTeam.FrontLine, ["accessibility"],
        [
            new(["Letters in large print, please", "Bills in a format I can read"],
                "My eyesight has got worse. Could you send all my letters and bills in large print from now on?",
                "Of course. I've added a note to your account so every letter and bill comes in 18pt large print.",
                "Your account is set up for large print, and I've sent your latest bill again in that format."),
            new(["I need a BSL interpreter for my appointment"],
                "I'm Deaf and my first language is BSL. Can you book an interpreter for my appointment on {date}?",
                "Yes, we can. I've asked our interpreting service to book a BSL interpreter for {date} and will confirm once they reply.",
                "The interpreter is booked for {date}. They'll meet you at reception ten minutes before the appointment."),
        ], ["Communication needs updated on the customer record."]),
    ];
}

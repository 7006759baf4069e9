using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

internal static partial class DemoTopics
{
    private static DemoTopic[] Problems =>
    [
        new(TicketType.Problem, DemoTeam.Technical, ["portal", "sign_in"],
        [
            new(["Cannot sign in to the portal", "Locked out of my account"],
                "Since {since} the portal says my password is wrong, even after I reset it. I need to download my bill.",
                "Sorry about this. Your account was locked after several failed attempts. I've unlocked it: please try again and tell me if it still fails.",
                "Glad you're back in. I've also switched on two-step sign-in as you asked.",
                "That worked, thank you. Can I also turn on two-step sign-in?"),
            new(["Password reset email never arrives"],
                "I've asked for a password reset three times but the email never arrives. I've checked my spam folder.",
                "Thanks for checking your spam folder. Our emails to your provider were being delayed, so I've sent a new reset link by text instead.",
                "The reset worked and you can sign in again. Our engineers have fixed the delay with email delivery."),
        ], ["Account unlocked after identity check.", "Mail delivery delays to this provider reported to the platform team as {ref}."]),
        new(TicketType.Problem, DemoTeam.Billing, ["payments", "failed_payment"],
        [
            new(["Payment failed but money left my account"],
                "I paid {amount} online on {since}. The site said the payment failed, but the money has left my bank account.",
                "I'm sorry for the worry. The payment of {amount} did reach us, so your account is up to date; the failure message was wrong.",
                "I've emailed you a receipt for the {amount}, and our web team has fixed the wrong message."),
            new(["Charged twice for {month}"],
                "My bank statement shows two payments of {amount} to you for {month}. Please refund one of them.",
                "You're right: we took the {month} payment twice because of a fault on our side. I've started a refund of {amount}.",
                "The duplicate payment of {amount} has been refunded to your card. It should show within three to five working days."),
        ], ["Checked the payment gateway: transaction {ref} went through once.", "Duplicate collection confirmed in the bank file."]),
        new(TicketType.Problem, DemoTeam.FrontLine, ["delivery", "wrong_item"],
        [
            new(["Wrong item delivered for order {order}"],
                "I ordered a {item} but the box had something completely different in it. The order number is {order}.",
                "I'm sorry about that. I've arranged for the courier to collect the wrong item and sent a replacement {item} by next-day delivery.",
                "The replacement {item} was delivered today and the courier has collected the other one. Thank you for your patience."),
            new(["Damaged {item} arrived today", "Order {order} arrived broken"],
                "The {item} from order {order} arrived today with a cracked case. I'd like a replacement.",
                "Sorry it arrived damaged. Could you send a photo of the damage and the packaging, so I can claim from the courier?",
                "Your replacement {item} is confirmed as delivered, and I've added a {amount} credit to say sorry.",
                "I've emailed two photos, one of the case and one of the box."),
        ], ["Courier claim raised as {ref}."]),
        new(TicketType.Problem, DemoTeam.Technical, ["app", "bug"],
        [
            new(["App crashes when I upload a photo"],
                "Every time I try to upload a meter photo in the app it closes. I'm on the latest version on an Android phone.",
                "Thanks for the details. Could you tell me the model of your phone and the app version from the Settings page?",
                "Version 4.2.1 came out today and fixes the crash. Please update the app from your app store.",
                "It's a Pixel 7, and Settings says version 4.2.0."),
            new(["The app will not open after the update"],
                "Since the update on {since} the app shows a white screen and then closes.",
                "This is a known fault in version 4.2 that our developers are fixing. In the meantime you can send readings through the portal.",
                "The fix is live, and I've entered your meter reading by hand so your bill is accurate."),
        ], ["Reproduced on a test phone. Bug raised as {ref}."]),
        new(TicketType.Problem, DemoTeam.Technical, ["fault", "engineer_visit"],
        [
            new(["Broadband keeps dropping out", "Connection drops several times a day"],
                "My broadband has dropped out several times a day since {since}. I work from home, so this is a real problem.",
                "I'm sorry. A line test shows errors on your line, so I've booked an engineer for {date} between 8am and 1pm.",
                "The engineer replaced a faulty socket and the line test is now clean. I'll keep an eye on it for a week."),
            new(["No hot water since the boiler service"],
                "Your engineer serviced my boiler on {since} and since then there's been no hot water.",
                "I'm sorry you've been without hot water. I've booked an urgent engineer visit for tomorrow morning.",
                "The engineer found a valve that had not been reconnected properly and fixed it. I've added {amount} compensation to your account."),
        ], ["Line test shows intermittent errors; logged with the network team as {ref}.", "Engineer visit booked, job {ref}."]),
    ];

    private static DemoTopic[] Incidents =>
    [
        new(TicketType.Incident, DemoTeam.Technical, ["outage", "website"],
        [
            new(["Website down: error 503 at checkout", "Cannot pay on your website"],
                "Your website shows Service unavailable every time I try to pay. Is something wrong?",
                "Thanks for telling us. We know about a fault with the website and our engineers are working on it. I'll update you as soon as it's fixed.",
                "The website is working again. The fault was a failed update to our payment system, which has been reversed. If your payment didn't go through, no late fee will be charged."),
            new(["Portal very slow this morning"],
                "The portal has been taking minutes to load each page since about 9am.",
                "We're aware of the problem; it affects many customers and is our top priority. The latest update is on the banner in the portal.",
                "Service is back to normal speed. Sorry for the trouble this morning."),
        ], ["Linked to the major incident {ref}."]),
        new(TicketType.Incident, DemoTeam.Technical, ["outage", "no_service"],
        [
            new(["No service in {city} since this morning"],
                "We've had no service at all in {city} since about 7am, and the neighbours have the same problem.",
                "I'm sorry. There's a fault affecting the {city} area and engineers are on site. The current estimate for the repair is 4pm today.",
                "Engineers have repaired the damaged cable and service in {city} is back to normal."),
            new(["Power cut on our street in {city}"],
                "Our whole street in {city} has lost power. Is there an estimate for when it will be back?",
                "Thanks for reporting it. I've linked your report to the incident for {city}, so you'll get every update.",
                "Power is back on for every home in your area. You may be due compensation: I've emailed you the details."),
        ], ["Linked to the area fault {ref}."]),
        new(TicketType.Incident, DemoTeam.Billing, ["outage", "payments"],
        [
            new(["Card payments failing for all our customers"],
                "None of our customers can pay by card on your terminals since this morning. This is costing us sales.",
                "I'm sorry. Our payment provider has a fault that affects all merchants. We're in touch with them and I'll update you every hour.",
                "Card payments are working again. The provider has confirmed the cause and fixed it."),
            new(["Direct debits taken early"],
                "Every direct debit on our account was taken on {since}, a week early.",
                "Thanks for telling us. A scheduling fault took some direct debits early, and we're refunding everyone affected.",
                "All the early payments have been refunded and the usual dates are back in place."),
        ], ["Provider incident reference {ref}."]),
    ];
}

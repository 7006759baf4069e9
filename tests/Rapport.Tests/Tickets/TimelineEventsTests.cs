using System.Text.Json;
using Rapport.Features.Audit;
using Rapport.Features.Tickets.Pages;

namespace Rapport.Tests.Tickets;

/// <summary>How the ticket's history tells its audit events; no database.</summary>
public class TimelineEventsTests
{
    private static AuditEventDto Event(string entityType, string action, string changes, string actor = "Rapport") =>
        new(1, DateTimeOffset.UnixEpoch, null, actor, entityType, "4", action, JsonDocument.Parse(changes).RootElement.Clone());

    [Fact]
    public void ARuleThatRan_IsToldByName_WithItsOutcome()
    {
        var ran = Event("automation_rule", "automation_ran", """{"outcome":{"before":null,"after":"applied"},"rule":{"before":null,"after":"Close stale requests"}}""");
        Assert.True(TimelineEvents.Shows(ran));
        Assert.Equal(("Automation rule “Close stale requests”", "ran: applied"), TimelineEvents.Describe(ran));
    }

    [Fact]
    public void ARuleStoppedAtTheDepthCap_SaysItDidNotRun_AndWhy()
    {
        var stopped = Event("automation_rule", "automation_stopped", """{"outcome":{"before":null,"after":"stopped: 5 rules deep in one chain of changes"},"rule":{"before":null,"after":"Chain"}}""");
        Assert.Equal(("Automation rule “Chain”", "did not run: 5 rules deep in one chain of changes"), TimelineEvents.Describe(stopped));
    }

    [Fact]
    public void MailThatCouldNotBeDelivered_IsTold_WithItsRecipientsAndError()
    {
        var failed = Event("outgoing_mail", "delivery_failed",
            """{"error":{"before":null,"after":"RCPT TO: 550 No such user"},"recipients":{"before":null,"after":"ann@example.test"}}""");
        Assert.True(TimelineEvents.Shows(failed));
        Assert.Equal(("Email delivery", "failed to ann@example.test: RCPT TO: 550 No such user"), TimelineEvents.Describe(failed));
        Assert.False(TimelineEvents.Shows(Event("outgoing_mail", "sent", "{}")));
    }

    [Fact]
    public void TheTicketsOwnChanges_ReadAsBefore()
    {
        Assert.Equal(("Ann", "created the ticket"), TimelineEvents.Describe(Event("ticket", "created", """{"subject":{"before":null,"after":"Hi"}}""", "Ann")));
        Assert.Equal(("Automation: VIP", "changed priority: normal → urgent; teamId: 3 → none"),
            TimelineEvents.Describe(Event("ticket", "updated", """{"priority":{"before":"normal","after":"urgent"},"teamId":{"before":3,"after":null}}""", "Automation: VIP")));
    }

    [Fact]
    public void OtherRecordsEventsAndARulesOwnChanges_AreNotInTheTicketsHistory()
    {
        Assert.False(TimelineEvents.Shows(Event("message", "note_added", "{}")));
        Assert.False(TimelineEvents.Shows(Event("automation_rule", "updated", "{}")));
        Assert.True(TimelineEvents.Shows(Event("ticket", "escalated", "{}")));
    }
}

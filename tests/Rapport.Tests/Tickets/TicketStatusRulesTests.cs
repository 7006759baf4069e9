using Rapport.Features.Tickets;

namespace Rapport.Tests.Tickets;

public class TicketStatusRulesTests
{
    private static readonly TicketStatus[] All = Enum.GetValues<TicketStatus>();

    // The allowed transitions, written out once by hand: every other pair must be refused.
    private static readonly HashSet<(TicketStatus, TicketStatus)> Allowed =
    [
        (TicketStatus.New, TicketStatus.Open), (TicketStatus.New, TicketStatus.Pending), (TicketStatus.New, TicketStatus.OnHold), (TicketStatus.New, TicketStatus.Solved),
        (TicketStatus.Open, TicketStatus.Pending), (TicketStatus.Open, TicketStatus.OnHold), (TicketStatus.Open, TicketStatus.Solved),
        (TicketStatus.Pending, TicketStatus.Open), (TicketStatus.Pending, TicketStatus.OnHold), (TicketStatus.Pending, TicketStatus.Solved),
        (TicketStatus.OnHold, TicketStatus.Open), (TicketStatus.OnHold, TicketStatus.Pending), (TicketStatus.OnHold, TicketStatus.Solved),
        (TicketStatus.Solved, TicketStatus.Open), (TicketStatus.Solved, TicketStatus.Pending), (TicketStatus.Solved, TicketStatus.OnHold), (TicketStatus.Solved, TicketStatus.Closed),
    ];

    public static TheoryData<TicketStatus, TicketStatus> EveryPair()
    {
        var data = new TheoryData<TicketStatus, TicketStatus>();
        foreach (var from in All) foreach (var to in All) data.Add(from, to);
        return data;
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void Transition_WithAssignee_IsAllowedExactlyWhenListed(TicketStatus from, TicketStatus to)
    {
        var expected = from == to || Allowed.Contains((from, to));
        var refusal = TicketStatusRules.RefusalFor(from, to, hasAssignee: true);
        Assert.True(expected == (refusal is null), $"{from} → {to}: expected {(expected ? "allowed" : "refused")}, got '{refusal}'");
        if (refusal is not null) Assert.False(string.IsNullOrWhiteSpace(refusal));
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.OnHold)]
    public void Solving_WithoutAssignee_IsRefused(TicketStatus from)
    {
        Assert.Contains("assignee", TicketStatusRules.RefusalFor(from, TicketStatus.Solved, hasAssignee: false));
    }

    [Fact]
    public void Closed_IsFinal()
    {
        foreach (var to in All.Where(s => s != TicketStatus.Closed))
            Assert.NotNull(TicketStatusRules.RefusalFor(TicketStatus.Closed, to, hasAssignee: true));
    }

    [Theory]
    [InlineData(TicketStatus.Solved, TicketStatus.Open)]
    [InlineData(TicketStatus.Pending, TicketStatus.Open)]
    [InlineData(TicketStatus.New, TicketStatus.New)]
    [InlineData(TicketStatus.Open, TicketStatus.Open)]
    [InlineData(TicketStatus.OnHold, TicketStatus.OnHold)]
    public void CustomerReply_MovesTicket(TicketStatus from, TicketStatus expected)
    {
        var (status, refusal) = TicketStatusRules.AfterMessage(from, byCustomer: true, MessageVisibility.Public);
        Assert.Null(refusal);
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Open)]
    [InlineData(TicketStatus.Open, TicketStatus.Open)]
    [InlineData(TicketStatus.Pending, TicketStatus.Pending)]
    [InlineData(TicketStatus.Solved, TicketStatus.Solved)]
    public void StaffReply_OpensNewTicketOnly(TicketStatus from, TicketStatus expected)
    {
        Assert.Equal((expected, (string?)null), TicketStatusRules.AfterMessage(from, byCustomer: false, MessageVisibility.Public));
    }

    [Fact]
    public void InternalNote_ChangesNothing_AndCustomersCannotWriteOne()
    {
        foreach (var from in All.Where(s => s != TicketStatus.Closed))
            Assert.Equal((from, (string?)null), TicketStatusRules.AfterMessage(from, byCustomer: false, MessageVisibility.Internal));
        Assert.NotNull(TicketStatusRules.AfterMessage(TicketStatus.Open, byCustomer: true, MessageVisibility.Internal).Refusal);
    }

    [Fact]
    public void NoMessage_OnClosedTicket()
    {
        foreach (var byCustomer in new[] { true, false })
        foreach (var visibility in Enum.GetValues<MessageVisibility>())
            Assert.NotNull(TicketStatusRules.AfterMessage(TicketStatus.Closed, byCustomer, visibility).Refusal);
    }

    [Fact]
    public void Apply_StampsSolvedAndClosed_AndReopeningClearsSolved()
    {
        var ticket = new Ticket { Subject = "s", Status = TicketStatus.Open };
        var t0 = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        TicketStatusRules.Apply(ticket, TicketStatus.Solved, t0);
        Assert.Equal(t0, ticket.SolvedAt);
        TicketStatusRules.Apply(ticket, TicketStatus.Open, t0.AddHours(1));
        Assert.Null(ticket.SolvedAt);
        TicketStatusRules.Apply(ticket, TicketStatus.Solved, t0.AddHours(2));
        TicketStatusRules.Apply(ticket, TicketStatus.Closed, t0.AddHours(3));
        Assert.Equal(t0.AddHours(2), ticket.SolvedAt);
        Assert.Equal(t0.AddHours(3), ticket.ClosedAt);
    }
}

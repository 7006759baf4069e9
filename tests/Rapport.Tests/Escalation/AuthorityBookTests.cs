using Rapport.Features.Access;
using Rapport.Features.Escalation.Authority;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Tests.Escalation;

/// <summary>The authority decision: within or above a role's limit, who may approve, and who may not decide.</summary>
public class AuthorityBookTests
{
    // Agents: refunds up to 50.00, deliveries 7 days ahead, no compensation. Team leads: 250.00. Managers: 2,500.00. Admins: no limit.
    private static readonly AuthorityBook Book = new([
        new LimitRow(Role.Agent, CommitmentKind.Refund, 50_00),
        new LimitRow(Role.Agent, CommitmentKind.DeliveryPromise, 7),
        new LimitRow(Role.TeamLead, CommitmentKind.Refund, 250_00),
        new LimitRow(Role.TeamLead, CommitmentKind.Compensation, 100_00),
        new LimitRow(Role.Manager, CommitmentKind.Refund, 2_500_00),
        new LimitRow(Role.Admin, CommitmentKind.Refund, null),
    ]);

    private static Ask Refund(decimal amount) => new(CommitmentKind.Refund, Money.ToHundredths(amount));

    [Theory]
    [InlineData(0.01, AuthorityDecision.WithinAuthority)]
    [InlineData(50.00, AuthorityDecision.WithinAuthority)]
    [InlineData(50.01, AuthorityDecision.NeedsApproval)]
    [InlineData(1_000_000, AuthorityDecision.NeedsApproval)]
    public void AnAgentsRefund_IsWithinAuthorityUpToTheLimitExactly(decimal amount, AuthorityDecision expected) =>
        Assert.Equal(expected, Book.Decide(Role.Agent, Refund(amount)));

    [Fact]
    public void AKindWithoutALimit_NeedsApproval_AndOneNoRoleCovers_NobodyMay()
    {
        Assert.Equal(AuthorityDecision.NeedsApproval, Book.Decide(Role.Agent, new Ask(CommitmentKind.Compensation, 10_00)));
        Assert.Equal(AuthorityDecision.NobodyMay, Book.Decide(Role.Agent, new Ask(CommitmentKind.GoodwillCredit, 1)));
        Assert.Equal(AuthorityDecision.NobodyMay, Book.Decide(Role.Agent, new Ask(CommitmentKind.DeliveryPromise, 8)));
        Assert.Equal(AuthorityDecision.WithinAuthority, Book.Decide(Role.Agent, new Ask(CommitmentKind.DeliveryPromise, 7)));
    }

    [Fact]
    public void TheApprovers_AreTheRolesWhoseLimitCoversIt()
    {
        Assert.Equal([Role.TeamLead, Role.Manager, Role.Admin], Book.ApproverRoles(Refund(200m)));
        Assert.Equal([Role.Manager, Role.Admin], Book.ApproverRoles(Refund(900m)));
        Assert.Equal([Role.Admin], Book.ApproverRoles(Refund(2_500.01m)));
        Assert.Equal([Role.TeamLead], Book.ApproverRoles(new Ask(CommitmentKind.Compensation, 100_00)));
    }

    [Fact]
    public void OnlySomeoneWhoseLimitCoversIt_AndNotTheRequester_MayDecide()
    {
        var requester = Guid.NewGuid();
        var manager = new Actor(Guid.NewGuid(), "Morgan", Role.Manager, null);
        var lead = new Actor(Guid.NewGuid(), "Lee", Role.TeamLead, null);

        Assert.Null(Book.RefusalToDecide(manager, Refund(900m), requester));
        Assert.IsType<ForbiddenError>(Book.RefusalToDecide(lead, Refund(900m), requester));
        Assert.Null(Book.RefusalToDecide(lead, Refund(250m), requester));
        var own = Assert.IsType<ForbiddenError>(Book.RefusalToDecide(manager, Refund(900m), manager.UserId));
        Assert.Contains("own request", own.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(900.5, 90050L)]
    [InlineData(0.1, 10L)]
    [InlineData(1_000_000_000, 100_000_000_000L)]
    public void Amounts_AreExactHundredths(decimal amount, long hundredths)
    {
        var check = new Validator();
        Assert.Equal(hundredths, Money.Check("amount", amount, check, allowZero: false));
        Assert.True(check.IsValid);
        Assert.Equal(amount, Money.FromHundredths(hundredths));
    }

    [Theory]
    [InlineData(10.005)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000_000.01)]
    public void AmountsWithMoreThanTwoPlaces_OrOutOfRange_AreRefused(decimal amount)
    {
        var check = new Validator();
        Assert.Null(Money.Check("amount", amount, check, allowZero: false));
        Assert.True(check.ToError().Errors.ContainsKey("amount"));
    }

    [Fact]
    public void Amounts_ReadWithTwoPlacesAndTheCurrency() => Assert.Equal("1,250.50 EUR", Money.Format(1_250_50, "EUR"));
}

namespace Rapport.Features.Escalation.Authority;

/// <summary>What an agent may promise a customer. Money kinds are amounts in the organisation's currency; a delivery promise is a date.</summary>
public enum CommitmentKind { Refund, GoodwillCredit, Compensation, DeliveryPromise }

/// <summary>Approved at once within the actor's authority, or pending until someone with the authority decides.</summary>
public enum CommitmentState { Approved, Pending, Rejected }

public static class CommitmentKinds
{
    public static bool IsMoney(this CommitmentKind kind) => kind is not CommitmentKind.DeliveryPromise;

    public static string Label(CommitmentKind kind) => kind switch
    {
        CommitmentKind.Refund => "Refund",
        CommitmentKind.GoodwillCredit => "Goodwill credit",
        CommitmentKind.Compensation => "Compensation",
        _ => "Delivery promise",
    };

    public static string Label(CommitmentState state) => state switch
    {
        CommitmentState.Approved => "Approved",
        CommitmentState.Pending => "Awaiting approval",
        _ => "Rejected",
    };
}

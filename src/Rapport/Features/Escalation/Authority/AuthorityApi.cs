using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

public static class AuthorityApi
{
    public static IEndpointRouteBuilder MapAuthority(this IEndpointRouteBuilder app)
    {
        var limits = app.MapGroup("/api/v1/authority-limits").WithTags("Authority and approvals").RequireAuthorization(Policies.Staff);
        limits.MapGet("/", ReadLimitsAsync).WithName("ListAuthorityLimits").WithSummary("What each role may commit to without approval, and the currency");
        limits.MapPut("/{role}", SetLimitsAsync).WithName("SetAuthorityLimits")
            .WithSummary("Replace a role's limits (a kind left out needs approval); managers set agents' and team leads', admins any")
            .RequireAuthorization(Policies.Managers).WithJsonBodyLimit();

        var commitments = app.MapGroup("/api/v1/tickets/{number:long}/commitments").WithTags("Authority and approvals").RequireAuthorization(Policies.Staff);
        commitments.MapGet("/", ListCommitmentsAsync).WithName("ListCommitments").WithSummary("What was promised on the ticket, oldest first, with each one's state");
        commitments.MapPost("/", RecordAsync).WithName("RecordCommitment")
            .WithSummary("Record a commitment: approved at once within your authority, otherwise an approval request")
            .WithIdempotency().WithJsonBodyLimit();

        var approvals = app.MapGroup("/api/v1/approvals").WithTags("Authority and approvals").RequireAuthorization(Policies.Staff);
        approvals.MapGet("/", ListApprovalsAsync).WithName("ListApprovals")
            .WithSummary("state=pending (default): the requests you may decide, oldest first; state=decided: those you decided, newest first");
        approvals.MapGet("/{id:long}", GetApprovalAsync).WithName("GetApproval").WithSummary("Read one commitment or approval request");
        approvals.MapPost("/{id:long}/approve", ApproveAsync).WithName("ApproveRequest")
            .WithSummary("Approve a request your role's limit covers (not your own)").WithJsonBodyLimit();
        approvals.MapPost("/{id:long}/reject", RejectAsync).WithName("RejectRequest")
            .WithSummary("Reject a request your role's limit covers, with a reason").WithJsonBodyLimit();
        return app;
    }

    private static async Task<Ok<AuthorityLimitsDto>> ReadLimitsAsync(AuthorityLimits limits, CancellationToken ct) => TypedResults.Ok(await limits.ReadAsync(ct));

    private static async Task<Results<Ok<AuthorityLimitsDto>, ProblemHttpResult>> SetLimitsAsync(
        string role, SetAuthorityLimitsRequest request, AuthorityLimits limits, HttpContext http, CancellationToken ct) =>
        (await limits.SetAsync(role, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<Page<CommitmentDto>>, ProblemHttpResult>> ListCommitmentsAsync(
        long number, ReadCommitments read, HttpContext http, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await read.ForTicketAsync(number, Actor.FromPrincipal(http.User), limit, cursor, ct)).ToOk();

    private static async Task<Results<Created<CommitmentDto>, ProblemHttpResult>> RecordAsync(
        long number, RecordCommitmentRequest request, RecordCommitment record, HttpContext http, CancellationToken ct)
    {
        var recorded = await record.ExecuteAsync(number, request, Actor.FromPrincipal(http.User), ct);
        return recorded.Succeeded ? TypedResults.Created($"/api/v1/approvals/{recorded.Value!.Id}", recorded.Value) : recorded.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<CommitmentDto>>, ProblemHttpResult>> ListApprovalsAsync(
        ReadCommitments read, HttpContext http, CancellationToken ct, string? state = null, int? limit = null, string? cursor = null)
    {
        var check = new Validator();
        var which = QueryEnums.Parse<ApprovalState>("state", state, check) ?? ApprovalState.Pending;
        if (!check.IsValid) return check.ToError().ToProblem();
        return (await read.ApprovalsAsync(which, Actor.FromPrincipal(http.User), limit, cursor, ct)).ToOk();
    }

    private static async Task<Results<Ok<CommitmentDto>, ProblemHttpResult>> GetApprovalAsync(long id, ReadCommitments read, HttpContext http, CancellationToken ct) =>
        (await read.GetAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<CommitmentDto>, ProblemHttpResult>> ApproveAsync(
        long id, DecideApprovalRequest request, DecideApproval decide, HttpContext http, CancellationToken ct) =>
        (await decide.ExecuteAsync(id, approve: true, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<CommitmentDto>, ProblemHttpResult>> RejectAsync(
        long id, DecideApprovalRequest request, DecideApproval decide, HttpContext http, CancellationToken ct) =>
        (await decide.ExecuteAsync(id, approve: false, request, Actor.FromPrincipal(http.User), ct)).ToOk();
}

using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Referrals;

public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferrals(this IEndpointRouteBuilder app)
    {
        // Staff read the matrix (they refer by it); managers and admins set it.
        var rules = app.MapGroup("/api/v1/referral-rules").WithTags("Referral and escalation").RequireAuthorization(Policies.Staff);
        rules.MapGet("/", ListAsync).WithName("ListReferralRules").WithSummary("The referral matrix: every rule, in the order they are tried");
        rules.MapGet("/{id:long}", GetAsync).WithName("GetReferralRule").WithSummary("Read a referral rule");
        rules.MapPost("/", CreateAsync).WithName("CreateReferralRule")
            .WithSummary("Add a rule: which tickets (conditions) go to which team, and which role to tell")
            .RequireAuthorization(Policies.Managers).WithIdempotency().WithJsonBodyLimit();
        rules.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateReferralRule")
            .WithSummary("Change a rule; position moves it in the order, isActive false takes it out of the matrix")
            .RequireAuthorization(Policies.Managers).WithJsonBodyLimit();
        rules.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteReferralRule").WithSummary("Delete a referral rule")
            .RequireAuthorization(Policies.Managers);

        var ticket = app.MapGroup("/api/v1/tickets/{number:long}").WithTags("Referral and escalation").RequireAuthorization(Policies.Staff);
        ticket.MapGet("/referral-suggestion", SuggestAsync).WithName("GetReferralSuggestion")
            .WithSummary("The team the referral matrix suggests for the ticket (null when no rule matches)");
        ticket.MapPost("/refer", ReferAsync).WithName("ReferTicket")
            .WithSummary("Refer the ticket to a team (the matrix's suggestion when teamId is left out) with a reason")
            .WithIdempotency().WithJsonBodyLimit();
        return app;
    }

    private static async Task<Ok<List<ReferralRuleDto>>> ListAsync(ReferralRules rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(ct));

    private static async Task<Results<Ok<ReferralRuleDto>, ProblemHttpResult>> GetAsync(long id, ReferralRules rules, CancellationToken ct) =>
        (await rules.GetAsync(id, ct)).ToOk();

    private static async Task<Results<Created<ReferralRuleDto>, ProblemHttpResult>> CreateAsync(
        CreateReferralRuleRequest request, ReferralRules rules, HttpContext http, CancellationToken ct)
    {
        var created = await rules.CreateAsync(request, Actor.FromPrincipal(http.User), ct);
        return created.Succeeded ? TypedResults.Created($"/api/v1/referral-rules/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ReferralRuleDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateReferralRuleRequest request, ReferralRules rules, HttpContext http, CancellationToken ct) =>
        (await rules.UpdateAsync(id, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, ReferralRules rules, HttpContext http, CancellationToken ct)
    {
        var deleted = await rules.DeleteAsync(id, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ReferralSuggestionResponse>, ProblemHttpResult>> SuggestAsync(
        long number, ReferTicket refer, HttpContext http, CancellationToken ct)
    {
        var suggested = await refer.SuggestAsync(number, Actor.FromPrincipal(http.User), ct);
        return suggested.Succeeded ? TypedResults.Ok(new ReferralSuggestionResponse(suggested.Value)) : suggested.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ReferralDto>, ProblemHttpResult>> ReferAsync(
        long number, ReferTicketRequest request, ReferTicket refer, HttpContext http, CancellationToken ct) =>
        (await refer.ExecuteAsync(number, request, Actor.FromPrincipal(http.User), ct)).ToOk();
}

/// <summary>The matrix's suggestion, or null when no active rule matches the ticket.</summary>
public sealed record ReferralSuggestionResponse(ReferralSuggestion? Suggestion);

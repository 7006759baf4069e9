using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Automation;

public static class AutomationApi
{
    public static IServiceCollection AddAutomation(this IServiceCollection services) => services
        .AddSingleton<ActiveAutomationRules>()
        .AddScoped<RunAutomation>()
        .AddScoped<RuleActions>()
        .AddScoped<ScheduledRules>()
        .AddScoped<AutomationRules>()
        .AddHostedService<ScheduledRulesService>();

    public static IEndpointRouteBuilder MapAutomation(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/automation-rules").WithTags("Automation").RequireAuthorization(Policies.Managers);
        rules.MapGet("/", async (AutomationRules all, CancellationToken ct) => TypedResults.Ok(await all.ListAsync(ct)))
            .WithName("ListAutomationRules").WithSummary("Every rule, in the order they run");
        rules.MapGet("/{id:long}", GetAsync).WithName("GetAutomationRule").WithSummary("Read a rule");
        rules.MapPost("/", CreateAsync).WithName("CreateAutomationRule")
            .WithSummary("Create a rule: when a ticket is created, updated or on a schedule, if it meets the conditions, do the actions").WithJsonBodyLimit();
        rules.MapPut("/{id:long}", ReplaceAsync).WithName("ReplaceAutomationRule").WithSummary("Replace a rule").WithJsonBodyLimit();
        rules.MapPut("/{id:long}/position", MoveAsync).WithName("MoveAutomationRule")
            .WithSummary("Move a rule to a place in the order rules run (1 = first)").WithJsonBodyLimit();
        rules.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteAutomationRule").WithSummary("Delete a rule");
        return app;
    }

    private static async Task<Results<Ok<AutomationRuleDto>, ProblemHttpResult>> GetAsync(long id, AutomationRules rules, CancellationToken ct) =>
        (await rules.GetAsync(id, ct)).ToOk();

    private static async Task<Results<Created<AutomationRuleDto>, ProblemHttpResult>> CreateAsync(
        AutomationRuleRequest request, AutomationRules rules, HttpContext http, CancellationToken ct)
    {
        var created = await rules.CreateAsync(request, Actor.FromPrincipal(http.User), ct);
        return created.Succeeded ? TypedResults.Created($"/api/v1/automation-rules/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
    }

    private static async Task<Results<Ok<AutomationRuleDto>, ProblemHttpResult>> ReplaceAsync(
        long id, AutomationRuleRequest request, AutomationRules rules, HttpContext http, CancellationToken ct) =>
        (await rules.ReplaceAsync(id, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<AutomationRuleDto>, ProblemHttpResult>> MoveAsync(
        long id, MoveAutomationRuleRequest request, AutomationRules rules, HttpContext http, CancellationToken ct) =>
        (await rules.MoveAsync(id, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, AutomationRules rules, HttpContext http, CancellationToken ct)
    {
        var deleted = await rules.DeleteAsync(id, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }
}

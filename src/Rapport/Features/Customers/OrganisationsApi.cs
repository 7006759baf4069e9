using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder app)
    {
        // Staff read; supervisors write, because domains and ticket sharing decide who sees whose tickets.
        var organisations = app.MapGroup("/api/v1/organisations").WithTags("Organisations").RequireAuthorization(Policies.Staff);
        organisations.MapPost("/", CreateAsync).WithName("CreateOrganisation").WithSummary("Record a client organisation and its mail domains")
            .RequireAuthorization(Policies.Supervisors).WithIdempotency().WithJsonBodyLimit();
        organisations.MapGet("/", ListAsync).WithName("ListOrganisations").WithSummary("List organisations by name; search by the start of the name");
        organisations.MapGet("/{id:long}", GetAsync).WithName("GetOrganisation").WithSummary("Read an organisation");
        organisations.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateOrganisation")
            .WithSummary("Change an organisation; domains, when sent, replace the list")
            .RequireAuthorization(Policies.Supervisors).WithJsonBodyLimit();
        organisations.MapGet("/{id:long}/customers", CustomersAsync).WithName("OrganisationCustomers")
            .WithSummary("The organisation's customers by name");
        organisations.MapGet("/{id:long}/audit", AuditAsync).WithName("OrganisationAudit").WithSummary("Every change to the organisation, oldest first");
        return app;
    }

    private static async Task<Results<Created<OrganisationDto>, ProblemHttpResult>> CreateAsync(
        CreateOrganisationRequest request, CreateOrganisation create, ReadOrganisation read, HttpContext http, CancellationToken ct)
    {
        var created = await create.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        var organisation = await read.ExecuteAsync(created.Value, ct);
        return TypedResults.Created($"/api/v1/organisations/{created.Value}", organisation.Value);
    }

    private static async Task<Results<Ok<Page<OrganisationDto>>, ProblemHttpResult>> ListAsync(
        ListOrganisations list, CancellationToken ct, string? search = null, int? limit = null, string? cursor = null)
    {
        var page = await list.ExecuteAsync(new OrganisationFilter(search, limit, cursor), ct);
        return page.ToOk();
    }

    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> GetAsync(long id, ReadOrganisation read, CancellationToken ct)
    {
        var organisation = await read.ExecuteAsync(id, ct);
        return organisation.ToOk();
    }

    private static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateOrganisationRequest request, UpdateOrganisation update, ReadOrganisation read, HttpContext http, CancellationToken ct)
    {
        var updated = await update.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        var organisation = await read.ExecuteAsync(id, ct);
        return organisation.ToOk();
    }

    private static async Task<Results<Ok<Page<CustomerSummaryDto>>, ProblemHttpResult>> CustomersAsync(
        long id, ReadOrganisation read, CancellationToken ct, string? search = null, string? kind = null, int? limit = null, string? cursor = null)
    {
        var check = new Validator();
        var kindValue = QueryEnums.Parse<CustomerKind>("kind", kind, check);
        if (!check.IsValid) return check.ToError().ToProblem();
        var page = await read.CustomersAsync(id, new CustomerFilter(search, null, kindValue, limit, cursor), ct);
        return page.ToOk();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long id, ReadOrganisation read, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var page = await read.AuditAsync(id, limit, cursor, ct);
        return page.ToOk();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

public static class CustomersApi
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services
        .AddScoped<FindOrCreateCustomer>()
        .AddScoped<CreateCustomer>()
        .AddScoped<UpdateCustomer>()
        .AddScoped<ReadCustomer>()
        .AddScoped<ListCustomers>()
        .AddScoped<CreateOrganisation>()
        .AddScoped<UpdateOrganisation>()
        .AddScoped<ReadOrganisation>()
        .AddScoped<ListOrganisations>();

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        // Anyone signed in reaches the group; a customer may read only their own record and tickets.
        var customers = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Policies.Anyone);
        customers.MapPost("/", CreateAsync).WithName("CreateCustomer").WithSummary("Record a customer or an internal colleague")
            .RequireAuthorization(Policies.Staff).WithIdempotency().WithJsonBodyLimit();
        customers.MapGet("/", ListAsync).WithName("ListCustomers")
            .WithSummary("List customers by name; search by the start of a name or an email address")
            .RequireAuthorization(Policies.Staff);
        customers.MapGet("/{id:long}", GetAsync).WithName("GetCustomer").WithSummary("Read a customer record (customers: only their own)");
        customers.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateCustomer")
            .WithSummary("Change a customer record; emails and phones, when sent, replace the list")
            .RequireAuthorization(Policies.Staff).WithJsonBodyLimit();
        customers.MapGet("/{id:long}/tickets", TicketsAsync).WithName("CustomerTickets")
            .WithSummary("The customer's tickets, most recently updated first (customers: only their own)");
        customers.MapGet("/{id:long}/audit", AuditAsync).WithName("CustomerAudit")
            .WithSummary("Every audited change concerning the customer, oldest first").RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<Results<Created<CustomerDto>, ProblemHttpResult>> CreateAsync(
        CreateCustomerRequest request, CreateCustomer create, ReadCustomer read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var created = await create.ExecuteAsync(request, actor, ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        var customer = await read.ExecuteAsync(created.Value, actor, ct);
        return TypedResults.Created($"/api/v1/customers/{created.Value}", customer.Value);
    }

    private static async Task<Results<Ok<Page<CustomerSummaryDto>>, ProblemHttpResult>> ListAsync(
        ListCustomers list, CancellationToken ct,
        string? search = null, string? organisation = null, string? kind = null, int? limit = null, string? cursor = null)
    {
        var check = new Validator();
        var kindValue = QueryEnums.Parse<CustomerKind>("kind", kind, check);
        if (!check.IsValid) return check.ToError().ToProblem();
        var page = await list.ExecuteAsync(new CustomerFilter(search, organisation, kindValue, limit, cursor), ct);
        return page.ToOk();
    }

    private static async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> GetAsync(long id, ReadCustomer read, HttpContext http, CancellationToken ct)
    {
        var customer = await read.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct);
        return customer.ToOk();
    }

    private static async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateCustomerRequest request, UpdateCustomer update, ReadCustomer read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var updated = await update.ExecuteAsync(id, request, actor, ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        var customer = await read.ExecuteAsync(id, actor, ct);
        return customer.ToOk();
    }

    private static async Task<Results<Ok<Page<TicketDto>>, ProblemHttpResult>> TicketsAsync(
        long id, ReadCustomer read, HttpContext http, CancellationToken ct, string? status = null, int? limit = null, string? cursor = null)
    {
        var check = new Validator();
        var statuses = QueryEnums.ParseList<TicketStatus>("status", status, check);
        if (!check.IsValid) return check.ToError().ToProblem();
        var page = await read.TicketsAsync(id, new TicketFilter(Status: statuses, Limit: limit, Cursor: cursor), Actor.FromPrincipal(http.User), ct);
        return page.ToOk();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long id, ReadCustomer read, HttpContext http, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var page = await read.AuditAsync(id, Actor.FromPrincipal(http.User), limit, cursor, ct);
        return page.ToOk();
    }
}

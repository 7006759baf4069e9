using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.People;
using Rapport.Features.Customers.Pages;

namespace Rapport.Features.Customers;

/// <summary>The fragment the log-a-contact form's type-ahead swaps in: customers whose name, email or phone starts with q.</summary>
public static class CustomerLookupEndpoint
{
    public static IEndpointRouteBuilder MapCustomerLookup(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent/customers/lookup", LookupAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<RazorComponentResult<CustomerLookupResults>> LookupAsync(
        RapportDbContext db, ListCustomers list, CancellationToken ct, string? q = null)
    {
        var customers = await CustomerLookup.FindAsync(db, list, q, ct);
        return new RazorComponentResult<CustomerLookupResults>(new { Customers = customers, Query = q ?? "" });
    }
}

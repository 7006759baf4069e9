namespace Rapport.Features.Customers;

public static class CustomersApi
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services.AddScoped<FindOrCreateCustomer>();

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app) => app;
}

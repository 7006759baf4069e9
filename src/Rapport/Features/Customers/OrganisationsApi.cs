namespace Rapport.Features.Customers;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder app) => app;
}

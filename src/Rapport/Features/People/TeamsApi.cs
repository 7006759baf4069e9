namespace Rapport.Features.People;

public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app) => app;
}

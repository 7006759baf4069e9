namespace Rapport.Features.People;

public static class UsersApi
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services.AddScoped<CreateUser>();

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app) => app;
}

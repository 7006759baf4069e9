using Rapport.Features.ServiceLevels.Policies;

namespace Rapport.Features.ServiceLevels;

public static class ServiceLevelsRegistration
{
    public static IServiceCollection AddServiceLevels(this IServiceCollection services) => services
        .AddSingleton<ActiveSlaPolicies>()
        .AddScoped<TicketServiceLevels>()
        .AddScoped<SlaSweep>()
        .AddScoped<TicketSlaReadModel>()
        .AddHostedService<SlaSweepService>();
}

namespace Rapport.Features.Escalation;

public static class EscalationRegistration
{
    public static IServiceCollection AddEscalation(this IServiceCollection services) => services.AddScoped<EscalateTicket>();
}

using Microsoft.Extensions.Options;
using Rapport.Features.Escalation.Authority;
using Rapport.Features.Escalation.Levels;
using Rapport.Features.Escalation.Referrals;

namespace Rapport.Features.Escalation;

/// <summary>Referral and escalation (C9): the referral matrix, the escalation ladder, authority limits and approvals.</summary>
public static class EscalationRegistration
{
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddOptions<AuthorityOptions>().BindConfiguration(AuthorityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthorityOptions>, AuthorityOptionsValidator>();
        return services.AddScoped<EscalateTicket>().AddScoped<EscalationLevels>()
            .AddScoped<ReferralRules>().AddScoped<ReferTicket>()
            .AddScoped<AuthorityLimits>().AddScoped<RecordCommitment>().AddScoped<DecideApproval>().AddScoped<ReadCommitments>();
    }

    public static IEndpointRouteBuilder MapEscalation(this IEndpointRouteBuilder app) =>
        app.MapReferrals().MapEscalationLevels().MapAuthority();
}

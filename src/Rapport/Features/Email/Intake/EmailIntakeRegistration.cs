using Rapport.Features.Email.Intake.Filters;

namespace Rapport.Features.Email.Intake;

public static class EmailIntakeRegistration
{
    public static IServiceCollection AddEmailIntake(this IServiceCollection services)
    {
        services.AddOptions<EmailIntakeOptions>().BindConfiguration(EmailIntakeOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<EmailIntakeOptions>, EmailIntakeOptionsValidator>();
        services.AddScoped<ReceiveMail>().AddScoped<ProcessInboundMail>().AddScoped<InboundMailList>().AddScoped<RetryInboundMail>()
            .AddScoped<RecoverReceivedMail>().AddScoped<MailDropFolder>();
        // The intake filters, in the order they run: who sent it, whether a machine did, a bounce, the sender's rate, which ticket it follows.
        services.AddScoped<IIntakeFilter, SenderFilter>()
            .AddScoped<IIntakeFilter, AutomaticMailFilter>()
            .AddScoped<IIntakeFilter, BounceFilter>()
            .AddScoped<IIntakeFilter, RateLimitFilter>()
            .AddScoped<IIntakeFilter, FollowUpFilter>();
        services.AddHostedService<MailIntakeWorker>();
        return services;
    }
}

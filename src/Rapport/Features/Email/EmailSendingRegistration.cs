using Microsoft.Extensions.Options;
using Rapport.Features.Email.Mailboxes;
using Rapport.Features.Email.Sending;

namespace Rapport.Features.Email;

/// <summary>Email sending (issue 6): mailboxes and their SMTP servers, the outbox and its background sender.</summary>
public static class EmailSendingRegistration
{
    public static IServiceCollection AddEmailSending(this IServiceCollection services)
    {
        services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SendingOptions>, SendingOptionsValidator>();
        return services.AddSingleton<MailboxSecrets>().AddSingleton<MailSignal>()
            .AddScoped<CreateMailbox>().AddScoped<UpdateMailbox>().AddScoped<DeleteMailbox>().AddScoped<ReadMailboxes>()
            .AddScoped<SendTestMail>().AddScoped<MailOutbox>().AddScoped<Tickets.ITicketMailer, TicketMailer>().AddScoped<DeliverDueMail>().AddScoped<OutgoingMailStatus>()
            .AddHostedService<MailSender>();
    }

    public static IEndpointRouteBuilder MapEmailSending(this IEndpointRouteBuilder app) => app.MapMailboxes();
}

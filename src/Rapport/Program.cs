using Rapport.Cli;
using Rapport.Features.Audit;
using Rapport.Features.Automation;
using Rapport.Features.CannedReplies;
using Rapport.Data;
using Rapport.Data.Sqlite;
using Rapport.Features.Access;
using Rapport.Features.Complaints;
using Rapport.Features.Complaints.Deadlines;
using Rapport.Features.Customers;
using Rapport.Features.Demo;
using Rapport.Features.Email;
using Rapport.Features.Email.Intake;
using Rapport.Features.Health;
using Rapport.Features.Knowledge;
using Rapport.Features.People;
using Rapport.Features.Portal;
using Rapport.Features.Email.Templates;
using Rapport.Features.Escalation;
using Rapport.Features.Notifications;
using Rapport.Features.ServiceLevels;
using Rapport.Features.Routing;
using Rapport.Features.Search;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Services;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Bulk;
using Rapport.Features.Tickets.Live;
using Rapport.Features.Tickets.Attachments;
using Rapport.Features.Tickets.Mentions;
using Rapport.Features.Tickets.Views;
using Rapport.Features.Tone;
using Rapport.Hosting;
using Rapport.Infrastructure.Http;
using Rapport.Web;

return await RapportCli.RunAsync(args);

/// <summary>The table of contents: every feature registers its services and maps its routes here.</summary>
public partial class Program
{
    public static WebApplication CreateWebApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the executable, wherever it is started from; data goes to ./data.
            ContentRootPath = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
        builder.AddDatabase();
        builder.AddHttpConventions();
        builder.AddAccess();
        builder.AddHealth();
        builder.AddDemo();
        builder.AddWeb();
        builder.AddAttachments();
        builder.AddPortal();
        builder.AddMailTemplates();
        builder.Services.AddAudit().AddTickets().AddLiveTickets().AddBulkUpdates().AddCustomers().AddPeople()
            .AddServiceLevels().AddEscalation().AddNotifications().AddAutomation()
            .AddCalendars().AddServiceOffer().AddSlaPolicies();
        builder.Services.AddComplaints();
        builder.Services.AddTicketRouting();
        builder.Services.AddTone();
        builder.Services.AddCannedReplies();
        builder.Services.AddSearch();
        builder.Services.AddTicketViews();
        builder.Services.AddKnowledge();
        builder.Services.AddEmailIntake();
        builder.Services.AddEmailSending();
        builder.AddDatabaseStartup();

        var app = builder.Build();
        app.UseHttpConventions();
        app.UseWeb();
        app.UseSqliteConnectionLease();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapApiDocs();
        app.MapAccess();
        app.MapTickets();
        app.MapAttachments();
        app.MapLiveTickets();
        app.MapBulkUpdates();
        app.MapTicketViews();
        app.MapCustomers();
        app.MapCustomerLookup();
        app.MapMentionSuggestions();
        app.MapCannedReplies();
        app.MapCannedReplySuggestions();
        app.MapKnowledge();
        app.MapKnowledgePages();
        app.MapOrganisations();
        app.MapUsers();
        app.MapTeams();
        app.MapNotifications();
        app.MapNotificationLinks();
        app.MapAutomation();
        app.MapMailIntake();
        app.MapComplaints();
        app.MapEscalation();
        app.MapDeadlines();
        app.MapTicketRouting();
        app.MapEmailSending();
        app.MapCalendars();
        app.MapServiceOffer();
        app.MapSlaPolicies();
        app.MapMailTemplates();
        app.MapTone();
        app.MapSearch();
        app.MapWebSignIn();
        app.MapPortal();
        app.MapWeb();
        return app;
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Access;

/// <summary>
/// Every API endpoint × every role. The table below is the written-down answer to "who may
/// call what"; the first test fails when an endpoint is added without a row here.
/// Allowed callers may still get 400/404/409 (the ids and bodies here are placeholders, and
/// ownership rules apply), but never 401 or 403; everyone else gets 401 (anonymous) or 403.
/// </summary>
public class AuthorizationMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>
    /// SelfOrAdmins: a person acts on their own record, admins on anyone's; the placeholder is someone else's.
    /// SelfOrSupervisors: the same with any supervisor in the admins' place.
    /// TheirLeads: team leads act for their own teams and members, managers and admins for anyone; the placeholder
    /// team and person are in no team of the caller's, so only managers and admins get through.
    /// </summary>
    private enum Audience { Public, Anyone, Staff, Supervisors, Managers, Admins, SelfOrAdmins, SelfOrSupervisors, TheirLeads }

    private static readonly (string Method, string Route, Audience Audience)[] Matrix =
    [
        ("POST", "/api/v1/auth/sign-in", Audience.Public),
        ("POST", "/api/v1/auth/sign-out", Audience.Anyone),
        ("GET", "/api/v1/me", Audience.Anyone),
        ("GET", "/api/v1/me/tokens", Audience.Anyone),
        ("POST", "/api/v1/me/tokens", Audience.Anyone),
        ("DELETE", "/api/v1/me/tokens/{id:long}", Audience.Anyone),

        ("POST", "/api/v1/tickets", Audience.Anyone),
        ("GET", "/api/v1/tickets", Audience.Anyone),
        ("GET", "/api/v1/tickets/{number:long}", Audience.Anyone),
        ("PATCH", "/api/v1/tickets/{number:long}", Audience.Staff),
        ("POST", "/api/v1/tickets/{number:long}/messages", Audience.Anyone),
        ("GET", "/api/v1/tickets/{number:long}/messages", Audience.Anyone),
        ("GET", "/api/v1/tickets/{number:long}/audit", Audience.Staff),
        ("POST", "/api/v1/uploads", Audience.Anyone),
        ("GET", "/api/v1/tickets/{number:long}/attachments/{id:long}", Audience.Anyone),

        ("POST", "/api/v1/customers", Audience.Staff),
        ("GET", "/api/v1/customers", Audience.Staff),
        ("GET", "/api/v1/customers/{id:long}", Audience.Anyone),
        ("PATCH", "/api/v1/customers/{id:long}", Audience.Staff),
        ("GET", "/api/v1/customers/{id:long}/tickets", Audience.Anyone),
        ("GET", "/api/v1/customers/{id:long}/audit", Audience.Staff),

        ("POST", "/api/v1/organisations", Audience.Supervisors),
        ("GET", "/api/v1/organisations", Audience.Staff),
        ("GET", "/api/v1/organisations/{id:long}", Audience.Staff),
        ("PATCH", "/api/v1/organisations/{id:long}", Audience.Supervisors),
        ("GET", "/api/v1/organisations/{id:long}/customers", Audience.Staff),
        ("GET", "/api/v1/organisations/{id:long}/audit", Audience.Staff),

        ("GET", "/api/v1/me/notifications", Audience.Staff),
        ("POST", "/api/v1/me/notifications/{id:long}/read", Audience.Staff),
        ("POST", "/api/v1/me/notifications/read", Audience.Staff),
        ("GET", "/api/v1/me/notification-settings", Audience.Staff),
        ("PUT", "/api/v1/me/notification-settings", Audience.Staff),
        ("POST", "/api/v1/tone/check", Audience.Staff),
        ("GET", "/api/v1/tone/phrases/{language}", Audience.Staff),
        ("PUT", "/api/v1/tone/phrases/{language}", Audience.Managers),
        ("DELETE", "/api/v1/tone/phrases/{language}", Audience.Managers),

        ("GET", "/api/v1/automation-rules", Audience.Managers),
        ("GET", "/api/v1/automation-rules/{id:long}", Audience.Managers),
        ("POST", "/api/v1/automation-rules", Audience.Managers),
        ("PUT", "/api/v1/automation-rules/{id:long}", Audience.Managers),
        ("PUT", "/api/v1/automation-rules/{id:long}/position", Audience.Managers),
        ("DELETE", "/api/v1/automation-rules/{id:long}", Audience.Managers),

        ("GET", "/api/v1/users", Audience.Staff),
        ("POST", "/api/v1/users", Audience.Admins),
        ("GET", "/api/v1/users/{id:guid}", Audience.Anyone),
        ("PATCH", "/api/v1/users/{id:guid}", Audience.Admins),
        ("POST", "/api/v1/users/{id:guid}/password", Audience.SelfOrAdmins),
        ("GET", "/api/v1/users/{id:guid}/audit", Audience.Admins),

        ("GET", "/api/v1/teams", Audience.Staff),
        ("GET", "/api/v1/teams/{id:long}", Audience.Staff),
        ("POST", "/api/v1/teams", Audience.Admins),
        ("PATCH", "/api/v1/teams/{id:long}", Audience.Admins),
        ("PUT", "/api/v1/teams/{id:long}/members/{userId:guid}", Audience.Admins),
        ("DELETE", "/api/v1/teams/{id:long}/members/{userId:guid}", Audience.Admins),
        ("GET", "/api/v1/teams/{id:long}/audit", Audience.Admins),

        ("GET", "/api/v1/tickets/{number:long}/complaint", Audience.Staff),
        ("PATCH", "/api/v1/tickets/{number:long}/complaint", Audience.Staff),
        ("GET", "/api/v1/complaints", Audience.Supervisors),
        ("GET", "/api/v1/complaint-root-causes", Audience.Staff),
        ("POST", "/api/v1/complaint-root-causes", Audience.Managers),
        ("PATCH", "/api/v1/complaint-root-causes/{key}", Audience.Managers),
        ("GET", "/api/v1/complaint-settings", Audience.Staff),
        ("PATCH", "/api/v1/complaint-settings", Audience.Managers),
        ("GET", "/api/v1/deadlines", Audience.Staff),
        ("POST", "/api/v1/deadlines", Audience.Managers),
        ("PATCH", "/api/v1/deadlines/{key}", Audience.Managers),
        ("PUT", "/api/v1/users/{id:guid}/availability", Audience.TheirLeads),
        ("GET", "/api/v1/users/{id:guid}/skills", Audience.SelfOrSupervisors),
        ("PUT", "/api/v1/users/{id:guid}/skills", Audience.TheirLeads),
        ("GET", "/api/v1/absences", Audience.Staff),
        ("POST", "/api/v1/absences", Audience.Supervisors),
        ("POST", "/api/v1/absences/{id:long}/cancel", Audience.TheirLeads),
        ("GET", "/api/v1/teams/{id:long}/workload", Audience.TheirLeads),

        ("GET", "/api/v1/calendars", Audience.Staff),
        ("GET", "/api/v1/calendars/{id:long}", Audience.Staff),
        ("POST", "/api/v1/calendars", Audience.Managers),
        ("PATCH", "/api/v1/calendars/{id:long}", Audience.Managers),
        ("DELETE", "/api/v1/calendars/{id:long}", Audience.Managers),
        ("GET", "/api/v1/calendars/{id:long}/audit", Audience.Staff),

        ("GET", "/api/v1/services", Audience.Staff),
        ("GET", "/api/v1/services/{id:long}", Audience.Staff),
        ("POST", "/api/v1/services", Audience.Managers),
        ("PATCH", "/api/v1/services/{id:long}", Audience.Managers),
        ("GET", "/api/v1/services/{id:long}/audit", Audience.Staff),
        ("GET", "/api/v1/offer", Audience.Public),

        ("GET", "/api/v1/sla-policies", Audience.Staff),
        ("GET", "/api/v1/sla-policies/{id:long}", Audience.Staff),
        ("POST", "/api/v1/sla-policies", Audience.Managers),
        ("PATCH", "/api/v1/sla-policies/{id:long}", Audience.Managers),
        ("PUT", "/api/v1/sla-policies/{id:long}/position", Audience.Managers),
        ("DELETE", "/api/v1/sla-policies/{id:long}", Audience.Managers),
        ("GET", "/api/v1/sla-policies/{id:long}/audit", Audience.Staff),

        ("GET", "/api/v1/referral-rules", Audience.Staff),
        ("GET", "/api/v1/referral-rules/{id:long}", Audience.Staff),
        ("POST", "/api/v1/referral-rules", Audience.Managers),
        ("PATCH", "/api/v1/referral-rules/{id:long}", Audience.Managers),
        ("DELETE", "/api/v1/referral-rules/{id:long}", Audience.Managers),
        ("GET", "/api/v1/tickets/{number:long}/referral-suggestion", Audience.Staff),
        ("POST", "/api/v1/tickets/{number:long}/refer", Audience.Staff),
        ("GET", "/api/v1/escalation-levels", Audience.Staff),
        ("GET", "/api/v1/escalation-levels/{level:int}", Audience.Staff),
        ("POST", "/api/v1/escalation-levels", Audience.Managers),
        ("PATCH", "/api/v1/escalation-levels/{level:int}", Audience.Managers),
        ("DELETE", "/api/v1/escalation-levels/{level:int}", Audience.Managers),
        ("POST", "/api/v1/tickets/{number:long}/escalate", Audience.Staff),
        ("GET", "/api/v1/authority-limits", Audience.Staff),
        ("PUT", "/api/v1/authority-limits/{role}", Audience.Managers),
        ("GET", "/api/v1/tickets/{number:long}/commitments", Audience.Staff),
        ("POST", "/api/v1/tickets/{number:long}/commitments", Audience.Staff),
        ("GET", "/api/v1/approvals", Audience.Staff),
        ("GET", "/api/v1/approvals/{id:long}", Audience.Staff),
        ("POST", "/api/v1/approvals/{id:long}/approve", Audience.Staff),
        ("POST", "/api/v1/approvals/{id:long}/reject", Audience.Staff),

        // A token scoped to mail intake may deliver mail too (MailIntakeTests); of the people, only admins.
        ("POST", "/api/v1/mail/inbound", Audience.Admins),
        ("GET", "/api/v1/mail/inbound", Audience.Admins),
        ("GET", "/api/v1/mail/inbound/{id:long}", Audience.Admins),
        ("GET", "/api/v1/mail/inbound/{id:long}/raw", Audience.Admins),
        ("POST", "/api/v1/mail/inbound/{id:long}/retry", Audience.Admins),
        ("POST", "/api/v1/mail/inbound/{id:long}/ticket", Audience.Admins),
        ("GET", "/api/v1/tickets/{number:long}/messages/{messageId:long}/original", Audience.Staff),
        ("GET", "/api/v1/mailboxes", Audience.Admins),
        ("GET", "/api/v1/mailboxes/{id:long}", Audience.Admins),
        ("POST", "/api/v1/mailboxes", Audience.Admins),
        ("PATCH", "/api/v1/mailboxes/{id:long}", Audience.Admins),
        ("DELETE", "/api/v1/mailboxes/{id:long}", Audience.Admins),
        ("POST", "/api/v1/mailboxes/{id:long}/test", Audience.Admins),
        ("GET", "/api/v1/mailboxes/{id:long}/audit", Audience.Admins),
        ("GET", "/api/v1/mail-templates", Audience.Admins),
        ("GET", "/api/v1/mail-templates/{key}/{language}", Audience.Admins),
        ("PUT", "/api/v1/mail-templates/{key}/{language}", Audience.Admins),
        ("DELETE", "/api/v1/mail-templates/{key}/{language}", Audience.Admins),
        ("POST", "/api/v1/mail-templates/{key}/{language}/preview", Audience.Admins),

        // Who may change which reply is decided per reply (CannedReplyRules); every member of staff reaches these.
        ("GET", "/api/v1/canned-replies", Audience.Staff),
        ("POST", "/api/v1/canned-replies", Audience.Staff),
        ("GET", "/api/v1/canned-replies/{id:long}", Audience.Staff),
        ("PUT", "/api/v1/canned-replies/{id:long}", Audience.Staff),
        ("DELETE", "/api/v1/canned-replies/{id:long}", Audience.Staff),
        ("POST", "/api/v1/tickets/{number:long}/canned-replies/{id:long}/render", Audience.Staff),
        ("POST", "/api/v1/tickets/{number:long}/canned-replies/{id:long}/apply", Audience.Staff),

        // Customers search their own tickets (the search applies the visibility rule); customers as a type are staff-only.
        ("GET", "/api/v1/search", Audience.Anyone),

        // Who may see and change which view is decided per view (SavedViewAccess); every member of staff reaches these.
        ("GET", "/api/v1/views", Audience.Staff),
        ("GET", "/api/v1/views/counts", Audience.Staff),
        ("POST", "/api/v1/views", Audience.Staff),
        ("GET", "/api/v1/views/{id:long}", Audience.Staff),
        ("PUT", "/api/v1/views/{id:long}", Audience.Staff),
        ("PUT", "/api/v1/views/{id:long}/position", Audience.Staff),
        ("DELETE", "/api/v1/views/{id:long}", Audience.Staff),
        ("GET", "/api/v1/views/{key}/tickets", Audience.Staff),
        // The knowledge base: shelves are read by anyone and arranged by managers; articles are written by staff and
        // deleted by supervisors; one article, search, votes and deflections are open, showing only published public ones.
        ("GET", "/api/v1/kb/categories", Audience.Public),
        ("GET", "/api/v1/kb/categories/{id:long}", Audience.Public),
        ("POST", "/api/v1/kb/categories", Audience.Managers),
        ("PUT", "/api/v1/kb/categories/{id:long}", Audience.Managers),
        ("DELETE", "/api/v1/kb/categories/{id:long}", Audience.Managers),
        ("GET", "/api/v1/kb/sections", Audience.Public),
        ("GET", "/api/v1/kb/sections/{id:long}", Audience.Public),
        ("POST", "/api/v1/kb/sections", Audience.Managers),
        ("PUT", "/api/v1/kb/sections/{id:long}", Audience.Managers),
        ("DELETE", "/api/v1/kb/sections/{id:long}", Audience.Managers),
        ("GET", "/api/v1/kb/articles", Audience.Staff),
        ("POST", "/api/v1/kb/articles", Audience.Staff),
        ("GET", "/api/v1/kb/articles/search", Audience.Public),
        ("GET", "/api/v1/kb/articles/{id:long}", Audience.Public),
        ("PUT", "/api/v1/kb/articles/{id:long}", Audience.Staff),
        ("DELETE", "/api/v1/kb/articles/{id:long}", Audience.Supervisors),
        ("GET", "/api/v1/kb/articles/{id:long}/versions", Audience.Staff),
        ("GET", "/api/v1/kb/articles/{id:long}/versions/{version:int}", Audience.Staff),
        ("POST", "/api/v1/kb/articles/{id:long}/versions/{version:int}/restore", Audience.Staff),
        ("POST", "/api/v1/kb/articles/{id:long}/votes", Audience.Public),
        ("POST", "/api/v1/kb/articles/{id:long}/deflections", Audience.Public),
        ("GET", "/api/v1/tickets/{number:long}/suggested-articles", Audience.Staff),
    ];

    private static readonly Role?[] Callers = [null, Role.Customer, Role.Agent, Role.TeamLead, Role.Manager, Role.Admin];

    [Theory, Providers]
    public async Task EveryApiEndpoint_IsInTheMatrix(Db db)
    {
        var app = await fixture.For(db);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var listed = Matrix.Select(row => $"{row.Method} {Normalise(row.Route)}").ToHashSet();
        Assert.Empty(endpoints.Except(listed));
        Assert.Empty(listed.Except(endpoints));
    }

    [Theory, Providers]
    public async Task EveryEndpoint_ForEveryRole_IsAllowedOrRefusedAsTheMatrixSays(Db db)
    {
        var app = await fixture.For(db);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.AnonymousClient() };
        foreach (var role in Callers.OfType<Role>()) clients[role.ToString()] = (await app.SignInAsync(role)).Client;
        var ids = await PlaceholdersAsync(app);

        var wrong = new List<string>();
        foreach (var (method, route, audience) in Matrix)
        foreach (var caller in Callers)
        {
            var status = await SendAsync(clients[caller?.ToString() ?? "anonymous"], method, Fill(route, ids));
            var expected = Expected(audience, caller);
            var ok = expected switch
            {
                HttpStatusCode.OK => status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden and < HttpStatusCode.InternalServerError,
                _ => status == expected,
            };
            if (!ok) wrong.Add($"{method} {route} as {caller?.ToString() ?? "anonymous"}: got {(int)status}, expected {(expected == HttpStatusCode.OK ? "allowed" : ((int)expected).ToString())}");
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static HttpStatusCode Expected(Audience audience, Role? caller) => (audience, caller) switch
    {
        (Audience.Public, _) => HttpStatusCode.OK,
        (_, null) => HttpStatusCode.Unauthorized,
        (Audience.Anyone, _) => HttpStatusCode.OK,
        (Audience.Staff, Role.Customer) => HttpStatusCode.Forbidden,
        (Audience.Staff, _) => HttpStatusCode.OK,
        (Audience.Supervisors or Audience.SelfOrSupervisors, Role.TeamLead or Role.Manager or Role.Admin) => HttpStatusCode.OK,
        (Audience.Managers or Audience.TheirLeads, Role.Manager or Role.Admin) => HttpStatusCode.OK,
        (Audience.Admins or Audience.SelfOrAdmins, Role.Admin) => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };

    /// <summary>Real ids owned by somebody else, so the ownership rules are exercised too.</summary>
    private static async Task<Dictionary<string, string>> PlaceholdersAsync(RapportApp app)
    {
        var (owner, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await (await agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Matrix",
            body = "Placeholder",
            requester = new { email = RapportApp.UniqueEmail("matrix"), name = "Matrix" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var records = await app.WithDbAsync(async data =>
        {
            var team = new Team { Name = "Matrix " + Guid.NewGuid().ToString("N")[..8] };
            data.Teams.Add(team);
            var organisation = new Features.Customers.Organisation { Name = "Matrix org" };
            data.Organisations.Add(organisation);
            var absence = new Features.Routing.Absence
            {
                UserId = owner.Id, StartsAt = DateTimeOffset.UtcNow.AddDays(1), EndsAt = DateTimeOffset.UtcNow.AddDays(2), RecordedByName = "Matrix",
            };
            data.Absences.Add(absence);
            var calendar = new Features.ServiceLevels.Calendars.ServiceCalendar { Name = "Matrix hours", TimeZone = "UTC", WeeklyHours = """{"monday":["09:00-17:00"]}""" };
            data.Calendars.Add(calendar);
            var service = new Features.Services.Service { Name = "Matrix service" };
            data.Services.Add(service);
            var policy = new Features.ServiceLevels.Policies.SlaPolicy { Name = "Matrix policy", Conditions = "{}", Position = 1 };
            data.SlaPolicies.Add(policy);
            await data.SaveChangesAsync();
            return (Team: team.Id, Organisation: organisation.Id, Absence: absence.Id, Calendar: calendar.Id, Service: service.Id, Policy: policy.Id);
        });
        return new Dictionary<string, string>
        {
            ["number"] = ticket.Number.ToString(),
            ["customers"] = ticket.Requester.Id.ToString(),
            ["organisations"] = records.Organisation.ToString(),
            ["teams"] = records.Team.ToString(),
            ["absences"] = records.Absence.ToString(),
            ["calendars"] = records.Calendar.ToString(),
            ["services"] = records.Service.ToString(),
            ["sla-policies"] = records.Policy.ToString(),
            ["tokens"] = "999999999",
            ["attachments"] = "999999999",
            ["notifications"] = "999999999",
            ["automation-rules"] = "999999999",
            ["users"] = owner.Id.ToString(),
            ["userId"] = owner.Id.ToString(),
            ["complaint-root-causes"] = "other",
            ["deadlines"] = "refund_window",
            ["referral-rules"] = "999999999",
            ["escalation-levels"] = "1",
            ["authority-limits"] = "agent",
            ["approvals"] = "999999999",
            ["inbound"] = "999999999",
            ["messages"] = "999999999",
            ["mailboxes"] = "999999999",
            ["mail-templates"] = "ticket_acknowledgement",
            ["language"] = "en",
            ["canned-replies"] = "999999999",
            ["views"] = "999999999",
            ["categories"] = "999999999",
            ["sections"] = "999999999",
            ["articles"] = "999999999",
            ["versions"] = "1",
        };
    }

    private static string Fill(string route, Dictionary<string, string> ids)
    {
        var segments = route.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i].Trim('{', '}').Split(':')[0];
            segments[i] = name is "number" or "userId" or "language" ? ids[name] : ids[segments[i - 1]];
        }
        return string.Join('/', segments);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PATCH" or "PUT")
            request.Content = url.EndsWith("/uploads", StringComparison.Ordinal)
                ? new ByteArrayContent([]) { Headers = { ContentType = new("text/plain") } }
                : JsonContent.Create(new { });
        return (await client.SendAsync(request)).StatusCode;
    }

    private static string Normalise(string route) => route.TrimEnd('/');
}

using System.Net;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

/// <summary>
/// The workspace layout reads the database (the views' counts, the approvals badge, the person's availability) while
/// the page under it reads too: static rendering starts the page as soon as the layout awaits. On PostgreSQL one
/// DbContext used by both at once failed every such page with a 500.
/// </summary>
public class WorkspaceLayoutTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task PagesThatReadTheDatabase_RenderUnderTheLayout_ForEveryStaffRole(Db db)
    {
        var app = await fixture.For(db);
        var failures = new List<string>();
        foreach (var (role, urls) in new[]
        {
            (Role.Agent, new[] { "/agent", "/agent/approvals", "/agent/customers" }),
            (Role.Manager, new[] { "/admin", "/admin/referral-rules", "/agent/complaints" }),
            (Role.Admin, new[] { "/admin/users", "/admin/teams", "/admin/mail" }),
        })
        {
            var (_, client) = await app.SignInAsync(role);
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{role} {url}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
    }
}

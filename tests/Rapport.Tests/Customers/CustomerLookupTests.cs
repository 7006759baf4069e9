using System.Net;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Customers;

/// <summary>The log-a-contact type-ahead fragment: staff find customers by name, email or phone; nobody else may ask.</summary>
public class CustomerLookupTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Lookup_FindsByTheStartOfNameEmailOrPhone_ForStaff(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = CustomerRequests.Token();
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await agent.CreateCustomerAsync(new { name = $"Lookup{token} Person", emails = new[] { $"mail{token}@example.test" }, phones = new[] { new { number = $"+1 555 {digits}", label = "mobile" } } });
        await agent.CreateCustomerAsync($"Unrelated{token}", $"unrelated{token}@example.test");

        foreach (var query in new[] { $"lookup{token}", $"MAIL{token}", $"+1 555 {digits[..5]}" })
        {
            var response = await agent.GetAsync($"/agent/customers/lookup?q={Uri.EscapeDataString(query)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"Lookup{token} Person", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"Unrelated{token}", html, StringComparison.Ordinal);
            Assert.Contains("data-lookup-choice", html, StringComparison.Ordinal);
        }
        var none = await (await agent.GetAsync($"/agent/customers/lookup?q=nobody{token}")).Content.ReadAsStringAsync();
        Assert.Contains("No customer found", none, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Lookup_RefusesCustomers_AndAnonymousCallers(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = CustomerRequests.Token();
        await agent.CreateCustomerAsync($"Secret{token}", $"secret{token}@example.test");
        var (_, customer) = await app.SignInAsync(Role.Customer);

        var asCustomer = await customer.GetAsync($"/agent/customers/lookup?q=Secret{token}");
        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.DoesNotContain($"Secret{token}", await asCustomer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var anonymous = await app.AnonymousClient().GetAsync($"/agent/customers/lookup?q=Secret{token}");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized
            || (anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.Headers.Location!.ToString().Contains("/signin", StringComparison.Ordinal)),
            $"Anonymous got {anonymous.StatusCode}");
        Assert.DoesNotContain($"Secret{token}", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

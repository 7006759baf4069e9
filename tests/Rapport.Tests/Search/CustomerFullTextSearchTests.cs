using Rapport.Features.People;
using Rapport.Tests.Customers;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Search;

/// <summary>Finding customers by name, address, phone and organisation, on both engines; staff only.</summary>
public class CustomerFullTextSearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Customers_AreFoundByName_Address_Phone_AndOrganisation(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var word = SearchRequests.Word();
        var organisation = await admin.CreateOrganisationAsync($"{word} Holdings");
        var address = $"{word}.mail@example.org";
        var phone = "+49 30 " + Random.Shared.Next(1_000_000, 9_999_999);
        var customer = await admin.CreateCustomerAsync(new
        {
            name = $"Rosa {word}berg",
            emails = new[] { address },
            phones = new[] { new { number = phone } },
            organisationId = organisation.Id,
        });
        var digits = new string(phone.Where(char.IsDigit).ToArray());

        async Task<List<long>> FoundAsync(string q) => (await admin.SearchAsync(q, "&type=customer")).Customers!.Select(c => c.Id).ToList();

        Assert.Equal([customer.Id], await FoundAsync($"rosa {word}berg"));
        Assert.Equal([customer.Id], await FoundAsync(address));
        Assert.Equal([customer.Id], await FoundAsync($"{word}.mail"));
        Assert.Equal([customer.Id], await FoundAsync(digits));
        Assert.Equal([customer.Id], await FoundAsync($"{word} holdings"));

        await admin.PatchJsonAsync($"/api/v1/organisations/{organisation.Id}", new { name = "Renamed Ltd" });
        Assert.Empty(await FoundAsync($"{word} holdings"));
        await (await admin.GetAsync($"/api/v1/search?type=customer&q={word}+status:open")).InvalidAsync("q");
    }
}

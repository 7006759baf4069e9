using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Features.Customers;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

/// <summary>The SQLite writer queue is let go of whatever way a write ends, so the next writer never waits out the busy timeout.</summary>
public class SqliteWriteGateTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task FailedSaveChanges_LetsGoOfTheGate()
    {
        var app = await fixture.For(Db.Sqlite);
        var address = RapportApp.UniqueEmail("gate");
        await AddCustomerAsync(app, address);

        var failed = await app.WithDbAsync(async db =>
        {
            db.Customers.Add(NewCustomer(address));
            var error = await Record.ExceptionAsync(() => db.SaveChangesAsync());
            Assert.False(db.HoldsWriteGate);
            return error;
        });
        Assert.IsType<DbUpdateException>(failed);
        await AssertGateIsFreeAsync(app);
    }

    [Fact]
    public async Task TransactionThatThrows_LetsGoOfTheGate()
    {
        var app = await fixture.For(Db.Sqlite);
        var thrown = await Record.ExceptionAsync(() => app.WithDbAsync<int>(db => db.InTransactionAsync<int>(async () =>
        {
            Assert.True(db.HoldsWriteGate);
            db.Customers.Add(NewCustomer(RapportApp.UniqueEmail("rolled-back")));
            await db.SaveChangesAsync();
            throw new InvalidOperationException("the work failed");
        }, default)));
        Assert.IsType<InvalidOperationException>(thrown);
        await AssertGateIsFreeAsync(app);
    }

    [Fact]
    public async Task ConcurrentWriters_AllSucceed()
    {
        var app = await fixture.For(Db.Sqlite);
        var addresses = Enumerable.Range(0, 40).Select(i => RapportApp.UniqueEmail($"w{i}")).ToList();
        await Task.WhenAll(addresses.Select(a => AddCustomerAsync(app, a)));
        var stored = await app.WithDbAsync(db => db.CustomerEmails.CountAsync(e => addresses.Contains(e.Address)));
        Assert.Equal(addresses.Count, stored);
        await AssertGateIsFreeAsync(app);
    }

    private static Task<int> AddCustomerAsync(RapportApp app, string address) => app.WithDbAsync(db =>
    {
        db.Customers.Add(NewCustomer(address));
        return db.SaveChangesAsync();
    });

    private static Customer NewCustomer(string address) => new()
    {
        Name = "Gate Test",
        Emails = [new CustomerEmail { Address = address, IsPrimary = true }],
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static async Task AssertGateIsFreeAsync(RapportApp app)
    {
        var gate = app.Services.GetRequiredService<RapportDbContext>().WriteGate!;
        Assert.True(await gate.EnterAsync(new CancellationTokenSource(TimeSpan.FromSeconds(1)).Token), "the gate is still held");
        gate.Exit();
    }
}

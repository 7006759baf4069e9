using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Features.Conditions;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Conditions;

/// <summary>
/// The decisive property of the condition model: on each provider, the SQL filter returns
/// exactly the tickets the in-memory evaluator accepts, for hand-written sets covering every
/// field and operator and for random ones.
/// </summary>
public class ConditionAgreementTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task HandWrittenSets_SelectTheSameTickets_InSqlAndInMemory(Db db)
    {
        var app = await fixture.For(db);
        var world = await ConditionWorld.CreateAsync(app);
        var me = new ConditionContext(ConditionWorld.Now, world.Agents[0]);
        var nobody = me with { UserId = null };

        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var failures = new List<string>();
        foreach (var (set, trivial) in AgreementCases.For(world))
        {
            foreach (var context in new[] { me, nobody })
            {
                var (sql, memory) = Select(data, world, set, context);
                if (!sql.SequenceEqual(memory)) failures.Add($"{set} as {context.UserId}: SQL [{string.Join(", ", sql)}], memory [{string.Join(", ", memory)}]");
            }
            // A case that picks all or none of the tickets proves nothing about its operator.
            var picked = Select(data, world, set, me).Sql.Length;
            if (!trivial && (picked == 0 || picked == world.Numbers.Length)) failures.Add($"{set} picked {picked} of {world.Numbers.Length}.");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory, Providers]
    public async Task RandomSets_SelectTheSameTickets_InSqlAndInMemory(Db db)
    {
        var app = await fixture.For(db);
        var world = await ConditionWorld.CreateAsync(app, seed: 7);

        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        Prop.ForAll(ConditionGenerators.Cases(world), input =>
            {
                var (sql, memory) = Select(data, world, input.Set, input.Context);
                return sql.SequenceEqual(memory).Label($"SQL [{string.Join(", ", sql)}], memory [{string.Join(", ", memory)}]");
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(Replay(db)));
    }

    // Queried synchronously: FsCheck's properties are synchronous, and one scope serves them all.
    private static (long[] Sql, long[] Memory) Select(RapportDbContext data, ConditionWorld world, ConditionSet set, ConditionContext context)
    {
        var sql = data.Tickets.AsNoTracking().Where(t => world.Numbers.Contains(t.Number))
            .Where(set, context).Select(t => t.Number).OrderBy(n => n).ToArray();
        var memory = world.Facts.Where(f => set.Matches(f.Facts, context)).Select(f => f.Number).ToArray();
        return (sql, memory);
    }

    // A fixed seed per provider: a failure repeats on the next run instead of vanishing.
    private static FSharpOption<Replay> Replay(Db db) => new(new Replay(new Rnd(20250602UL + (ulong)db, 0x9E3779B97F4A7C15UL), null));
}

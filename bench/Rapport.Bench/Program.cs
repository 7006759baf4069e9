using System.CommandLine;
using Rapport.Bench;

var provider = new Option<string>("--provider") { Description = "sqlite or postgresql", DefaultValueFactory = _ => "sqlite" };
var tickets = new Option<int?>("--tickets") { Description = "Tickets in the dataset (default 100000; 10000 with --quick)" };
var seed = new Option<int>("--seed") { Description = "Dataset seed: the same size and seed reuse the cached dataset", DefaultValueFactory = _ => 1 };
var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight per workload (default 16; 8 with --quick)" };
var duration = new Option<int?>("--duration") { Description = "Measured seconds per workload (default 30; 3 with --quick)" };
var warmup = new Option<int?>("--warmup") { Description = "Unmeasured seconds before each workload (default: a third of the duration, 1 to 10)" };
var connection = new Option<string?>("--connection") { Description = "PostgreSQL server to use, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\"; the harness makes its own databases" };
var quick = new Option<bool>("--quick") { Description = "Small run that proves the harness works: 10,000 tickets, 3 s per workload, concurrency 8" };
var only = new Option<string?>("--only") { Description = "Comma-separated workloads to run: create, reply, read, queue, customer, raw (default: all)" };
var noBuild = new Option<bool>("--no-build") { Description = "Do not build the server in Release first" };
var logSql = new Option<bool>("--log-sql") { Description = "Log EF Core commands in the server log (slows the server; for finding causes, not for figures)" };

var root = new RootCommand("Rapport load benchmark: builds or reuses a dataset, starts the Release server on it and measures it over HTTP.")
{
    provider, tickets, seed, concurrency, duration, warmup, connection, quick, only, noBuild, logSql,
};
root.SetAction(async (result, ct) =>
{
    var options = BenchOptions.From(
        result.GetValue(provider)!, result.GetValue(tickets), result.GetValue(seed), result.GetValue(concurrency),
        result.GetValue(duration), result.GetValue(warmup), result.GetValue(connection), result.GetValue(quick),
        result.GetValue(only), result.GetValue(noBuild), result.GetValue(logSql), out var problem);
    if (options is null)
    {
        await Console.Error.WriteLineAsync(problem);
        return 2;
    }
    return await new BenchRun(options).ExecuteAsync(ct);
});
return await root.Parse(args).InvokeAsync();

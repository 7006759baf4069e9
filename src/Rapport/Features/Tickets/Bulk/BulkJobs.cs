using System.Collections.Concurrent;
using System.Threading.Channels;
using Rapport.Features.Access;
using Rapport.Infrastructure.Json;

namespace Rapport.Features.Tickets.Bulk;

/// <summary>One bulk change asked for from a view: which tickets, what to set, and how far it has got.</summary>
public sealed class BulkJob(Guid id, Actor actor, IReadOnlyList<long> numbers, UpdateTicketRequest change, string returnUrl)
{
    private int _done;
    private readonly ConcurrentQueue<(long Number, string Reason)> _refused = new();

    public Guid Id { get; } = id;
    public Actor Actor { get; } = actor;
    public IReadOnlyList<long> Numbers { get; } = numbers;
    public UpdateTicketRequest Change { get; } = change;
    public string ReturnUrl { get; } = returnUrl;
    public int Done => _done;
    public int Total => Numbers.Count;
    public bool Finished => _done >= Total;
    public IReadOnlyCollection<(long Number, string Reason)> Refused => _refused;
    public int Updated => _done - _refused.Count;

    internal void Succeeded() => Interlocked.Increment(ref _done);

    internal void Failed(long number, string reason)
    {
        _refused.Enqueue((number, reason));
        Interlocked.Increment(ref _done);
    }
}

/// <summary>
/// Bulk changes run in the background, one ticket per transaction through <see cref="UpdateTicket"/>,
/// so every rule and audit entry applies to each; the page polls the job for progress. Jobs live
/// in memory: a restart forgets the progress bar, never a half-written ticket.
/// </summary>
public sealed class BulkJobs
{
    public const int MaxTickets = 500;
    private readonly ConcurrentDictionary<Guid, BulkJob> _jobs = new();
    private readonly System.Threading.Channels.Channel<BulkJob> _queue = System.Threading.Channels.Channel.CreateUnbounded<BulkJob>();

    public BulkJob Enqueue(Actor actor, IReadOnlyList<long> numbers, UpdateTicketRequest change, string returnUrl)
    {
        var job = new BulkJob(Guid.NewGuid(), actor, numbers, change, returnUrl);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>A job is visible only to the person who started it.</summary>
    public BulkJob? Find(Guid id, Actor actor) => _jobs.TryGetValue(id, out var job) && job.Actor.UserId == actor.UserId ? job : null;

    internal ChannelReader<BulkJob> Queue => _queue.Reader;

    public static string Describe(UpdateTicketRequest change)
    {
        var parts = new List<string>();
        if (change.AssigneeId.IsSet) parts.Add(change.AssigneeId.Value is null ? "unassign" : "assign");
        if (change.Status.IsSet) parts.Add($"status {EnumNames.ToSnakeCase(change.Status.Value!.Value)}");
        if (change.Priority.IsSet) parts.Add($"priority {EnumNames.ToSnakeCase(change.Priority.Value!.Value)}");
        if (change.TeamId.IsSet) parts.Add("team");
        if (change.AddTags is { Length: > 0 } tags) parts.Add("add tag " + string.Join(", ", tags));
        return string.Join(", ", parts);
    }
}

/// <summary>The thin timer-free worker: takes jobs off the queue and applies them ticket by ticket.</summary>
internal sealed class BulkJobRunner(BulkJobs jobs, IServiceScopeFactory scopes, ILogger<BulkJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            foreach (var number in job.Numbers)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<UpdateTicket>()
                        .ExecuteAsync(number, job.Change, null, job.Actor, stoppingToken);
                    if (result.Succeeded) job.Succeeded();
                    else job.Failed(number, result.Error is Infrastructure.Problems.ValidationError invalid
                        ? string.Join(" ", invalid.Errors.SelectMany(e => e.Value))
                        : result.Error!.Detail);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Bulk change of ticket {Number} failed", number);
                    job.Failed(number, "Unexpected error; the ticket was not changed.");
                }
            }
            logger.LogInformation("Bulk job {Job}: {Updated} of {Total} tickets updated", job.Id, job.Updated, job.Total);
        }
    }
}

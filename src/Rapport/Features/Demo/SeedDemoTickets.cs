using System.Globalization;
using Rapport.Data;
using Rapport.Features.Audit;
using Rapport.Features.Demo.Bulk;
using Rapport.Features.Search;
using Rapport.Features.Search.Spelling;
using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>
/// Writes demo tickets with their messages, tags, followers and a "created" audit event each,
/// a batch per transaction. One task makes batches (text, HTML, audit JSON) while this one writes
/// the previous batch: take its ticket numbers, write every table, commit.
/// </summary>
internal sealed class SeedDemoTickets(RapportDbContext db, BulkWriter writer, DemoTicketFactory factory, ISearchEngine search, ISpellingIndex words)
{
    public const int BatchSize = 2_000;

    private sealed record Batch(long Start, List<Ticket> Tickets, string[] Created);

    public async Task ExecuteAsync(long count, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var tickets = BulkTable.For<Ticket>(db, nameof(Ticket.Number), nameof(Ticket.Subject), nameof(Ticket.RequesterId), nameof(Ticket.OrganisationId),
            nameof(Ticket.Channel), nameof(Ticket.Type), nameof(Ticket.Priority), nameof(Ticket.Status), nameof(Ticket.TeamId), nameof(Ticket.AssigneeId),
            nameof(Ticket.CreatedAt), nameof(Ticket.UpdatedAt), nameof(Ticket.SolvedAt), nameof(Ticket.ClosedAt), nameof(Ticket.FirstRespondedAt),
            nameof(Ticket.Version), nameof(Ticket.EscalationLevel));
        var messages = BulkTable.For<Message>(db, nameof(Message.TicketNumber), nameof(Message.Visibility), nameof(Message.AuthorUserId),
            nameof(Message.AuthorCustomerId), nameof(Message.Channel), nameof(Message.Direction), nameof(Message.BodyText), nameof(Message.BodyHtml),
            nameof(Message.CreatedAt));
        var tags = BulkTable.For<TicketTag>(db, nameof(TicketTag.TicketNumber), nameof(TicketTag.Name));
        var followers = BulkTable.For<TicketFollower>(db, nameof(TicketFollower.TicketNumber), nameof(TicketFollower.UserId));
        var audit = BulkTable.For<AuditEvent>(db, nameof(AuditEvent.At), nameof(AuditEvent.ActorUserId), nameof(AuditEvent.ActorName),
            nameof(AuditEvent.EntityType), nameof(AuditEvent.EntityId), nameof(AuditEvent.Action), nameof(AuditEvent.TicketNumber),
            nameof(AuditEvent.CustomerId), nameof(AuditEvent.Changes));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = System.Threading.Channels.Channel.CreateBounded<Batch>(2);
        var making = Task.Run(async () =>
        {
            try
            {
                for (long start = 0; start < count; start += BatchSize)
                {
                    var made = factory.Generate(start, (int)Math.Min(BatchSize, count - start));
                    await batches.Writer.WriteAsync(new Batch(start, made, made.Select(Created).ToArray()), stop.Token);
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, stop.Token);

        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                await using (var transaction = await db.BeginWriteAsync(stop.Token))
                {
                    // Indexing each message as it lands would rewrite a ticket's index row once per message: index the batch once.
                    await search.PauseUpkeepInTransactionAsync(stop.Token);
                    var numbers = await writer.ReserveIdsAsync(tickets, batch.Tickets.Count, stop.Token);
                    for (var i = 0; i < batch.Tickets.Count; i++)
                    {
                        var t = batch.Tickets[i];
                        var number = numbers[i];
                        tickets.Add(number, t.Subject, t.RequesterId, t.OrganisationId, t.Channel, t.Type, t.Priority, t.Status, t.TeamId, t.AssigneeId,
                            t.CreatedAt, t.UpdatedAt, t.SolvedAt, t.ClosedAt, t.FirstRespondedAt, t.Version, t.EscalationLevel);
                        foreach (var m in t.Messages)
                            messages.Add(number, m.Visibility, m.AuthorUserId, m.AuthorCustomerId, m.Channel, m.Direction, m.BodyText, m.BodyHtml, m.CreatedAt);
                        foreach (var tag in t.Tags) tags.Add(number, tag.Name);
                        foreach (var follower in t.Followers) followers.Add(number, follower.UserId);
                        audit.Add(t.CreatedAt, null, Access.Actor.System.Name, "ticket", number.ToString(CultureInfo.InvariantCulture), "created",
                            number, t.RequesterId, batch.Created[i]);
                    }
                    foreach (var table in new[] { tickets, messages, tags, followers, audit }) await writer.WriteAsync(table, stop.Token);
                    await search.RebuildAsync(SearchIndexPart.Tickets, numbers.Min(), numbers.Max() + 1, stop.Token);
                    await words.AddWordsAsync(numbers.Min(), numbers.Max() + 1, stop.Token);
                    await search.ResumeUpkeepInTransactionAsync(stop.Token);
                    await transaction.CommitAsync(stop.Token);
                }
                progress?.Report(new DemoProgress("Tickets", batch.Start + batch.Tickets.Count, count));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await making.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>What the audit trail says about a new ticket, as CreateTicket records it.</summary>
    private static string Created(Ticket ticket) => new AuditChanges()
        .Set("subject", null, ticket.Subject).Set("requesterId", null, ticket.RequesterId).Set("organisationId", null, ticket.OrganisationId)
        .Set("channel", null, ticket.Channel).Set("type", null, ticket.Type).Set("priority", null, ticket.Priority)
        .Set("status", null, TicketStatus.New).Set("tags", null, ticket.Tags.Select(t => t.Name))
        .ToJson();
}

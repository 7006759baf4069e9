using Bogus;
using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>
/// Writes a demo ticket's messages so that they agree with its status: a new ticket has no
/// reply yet; a pending, on-hold or solved one ends with the agent's word; an open one may end
/// with the customer's. Times fit between the ticket's arrival and now, and the ticket's
/// first-response, solved, closed and updated times are taken from them.
/// </summary>
internal sealed class DemoConversation(DemoWorkforce staff, bool throughMarkdown)
{
    private enum Step { Opening, Chaser, Reply, FollowUp, Progress, Ask, Hold, Resolution, Note, HoldNote }

    // About five messages a ticket on average, new and praise tickets included: the benchmark's million tickets then carry
    // the five million messages issue 7's search figures ask for.
    private static readonly (int Count, float Weight)[] MessageCounts = [(3, 15), (4, 20), (5, 22), (6, 18), (7, 14), (8, 11)];

    public void Write(Ticket ticket, DemoTopic topic, DemoScenario scenario, DemoCustomer requester, DemoTeam team, DemoStaffMember? assignee,
        DemoFacts facts, Randomizer random, DateTimeOffset now)
    {
        var members = staff.Members(team);
        var steps = Plan(ticket.Status, ticket.Type, random);
        var (times, closeGap) = Times(steps, ticket, random, now);
        var frontLine = staff.Members(DemoTeam.FrontLine);
        string? answer = null; // what the customer says to the agent's last question, if it asked one
        var written = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var inbound = step is Step.Opening or Step.Chaser or Step.FollowUp;
            var note = step is Step.Note or Step.HoldNote;
            var author = inbound ? null
                : step == Step.Reply && team != DemoTeam.FrontLine && random.Bool(0.35f) ? random.ArrayElement(frontLine)
                : note && random.Bool(0.25f) && staff.Lead(team) is { } lead ? lead
                : assignee ?? random.ArrayElement(note && team == DemoTeam.Complaints ? members : frontLine);
            facts.Agent = author?.FirstName ?? facts.Mentioned;
            string core;
            switch (step)
            {
                case Step.FollowUp:
                    core = answer ?? random.ArrayElement(DemoPhrases.CustomerFollowUps);
                    answer = null;
                    break;
                case Step.Reply:
                    core = scenario.Reply;
                    answer = scenario.Answer;
                    break;
                case Step.Ask:
                    (core, answer) = random.ArrayElement(DemoPhrases.Asks);
                    break;
                default:
                    if (step is Step.Progress or Step.Hold) answer = null;
                    core = Core(step, topic, scenario, requester, random);
                    // Nobody writes the same note twice on one ticket.
                    for (var retry = 0; note && !written.Add(core) && retry < 3; retry++) core = Core(step, topic, scenario, requester, random);
                    break;
            }
            core = facts.Fill(core);
            var channel = note ? Channel.Web : ticket.Channel == Channel.Api ? Channel.Email : ticket.Channel;
            var paragraphs = note ? [core] : inbound ? Inbound(channel, core, requester, i == 0, random, facts)
                : Outbound(channel, core, requester, author!, staff.TeamName(team));
            var (text, html) = DemoText.Render(paragraphs, throughMarkdown);
            ticket.Messages.Add(new Message
            {
                Visibility = note ? MessageVisibility.Internal : MessageVisibility.Public,
                AuthorUserId = author?.Id,
                AuthorCustomerId = inbound ? ticket.RequesterId : null,
                Channel = channel,
                Direction = inbound ? Direction.Inbound : Direction.Outbound,
                BodyText = text,
                BodyHtml = html,
                CreatedAt = times[i],
            });
            if (!inbound && !note) ticket.FirstRespondedAt ??= times[i];
            if (step == Step.Resolution) ticket.SolvedAt = times[i];
        }

        if (ticket.Status == TicketStatus.Closed) ticket.ClosedAt = ticket.SolvedAt!.Value + closeGap;
        ticket.UpdatedAt = ticket.ClosedAt ?? times[^1];
        ticket.Version = steps.Count + (ticket.ClosedAt is null ? 1 : 2);
    }

    private static List<Step> Plan(TicketStatus status, TicketType type, Randomizer random)
    {
        if (status == TicketStatus.New)
        {
            List<Step> waiting = [Step.Opening];
            if (random.Bool(0.25f)) waiting.Add(Step.Note);
            if (random.Bool(0.25f)) waiting.Add(Step.Chaser);
            return waiting;
        }
        var praise = type is TicketType.Compliment or TicketType.Feedback;
        var total = praise ? 3 : random.Pick(MessageCounts);
        var endsWithAgent = praise || status != TicketStatus.Open || random.Bool(0.5f);
        var publicCount = Math.Max(2, total - random.Double() switch { < 0.55 => 0, < 0.9 => 1, _ => 2 });
        if (endsWithAgent != (publicCount % 2 == 0)) publicCount--;
        if (publicCount < 2) publicCount += 2;
        var notes = Math.Max(status == TicketStatus.OnHold ? 1 : 0, total - publicCount);
        // An on-hold ticket's note must not push a full conversation past the largest count: one exchange fewer.
        if (publicCount + notes > total && publicCount >= 4) publicCount -= 2;

        var steps = new List<Step>(publicCount + notes);
        for (var i = 0; i < publicCount; i++)
        {
            var last = i == publicCount - 1;
            steps.Add(i == 0 ? Step.Opening
                : i % 2 == 0 ? Step.FollowUp
                : last ? status switch
                {
                    TicketStatus.Solved or TicketStatus.Closed => Step.Resolution,
                    TicketStatus.Pending => Step.Ask,
                    TicketStatus.OnHold => Step.Hold,
                    _ => i == 1 ? Step.Reply : Step.Progress,
                }
                : i == 1 ? Step.Reply
                : random.Bool(0.6f) ? Step.Progress : Step.Ask);
        }
        if (status == TicketStatus.OnHold) { steps.Add(Step.HoldNote); notes--; }
        // Notes go between the public messages, so the last public message stays the last word.
        for (var n = 0; n < notes; n++) steps.Insert(random.Number(1, steps.Count - 1), Step.Note);
        return steps;
    }

    private static (DateTimeOffset[] Times, TimeSpan CloseGap) Times(List<Step> steps, Ticket ticket, Randomizer random, DateTimeOffset now)
    {
        var live = ticket.Channel is Channel.Chat or Channel.Phone or Channel.InPerson;
        var gaps = new double[steps.Count];
        var first = true;
        for (var i = 1; i < steps.Count; i++)
        {
            var gap = steps[i] switch
            {
                Step.Note or Step.HoldNote => random.Between(TimeSpan.FromMinutes(3), TimeSpan.FromHours(20)),
                Step.Opening or Step.Chaser or Step.FollowUp => live && random.Bool(0.6f)
                    ? random.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(8))
                    : random.Between(TimeSpan.FromMinutes(30), TimeSpan.FromDays(3)),
                _ when first => ticket.Channel switch
                {
                    Channel.Chat => random.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(6)),
                    Channel.Phone or Channel.InPerson => random.Between(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)),
                    Channel.Sms or Channel.Social => random.Between(TimeSpan.FromMinutes(10), TimeSpan.FromHours(5)),
                    Channel.Letter => random.Between(TimeSpan.FromDays(1), TimeSpan.FromDays(6)),
                    _ => random.Between(TimeSpan.FromMinutes(20), TimeSpan.FromHours(30)),
                },
                _ => live && random.Bool(0.5f)
                    ? random.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10))
                    : random.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2)),
            };
            gaps[i] = gap.TotalMinutes;
            if (steps[i] is not (Step.Note or Step.HoldNote or Step.Opening or Step.Chaser or Step.FollowUp)) first = false;
        }
        var closeGap = ticket.Status == TicketStatus.Closed ? random.Between(TimeSpan.FromDays(2), TimeSpan.FromDays(7)).TotalMinutes : 0;

        // Squeeze the conversation into the time between the ticket's arrival and now.
        var available = Math.Max(0, (now - ticket.CreatedAt).TotalMinutes * 0.97);
        var total = gaps.Sum() + closeGap;
        var scale = total > available ? available / total : 1;
        var times = new DateTimeOffset[steps.Count];
        var at = ticket.CreatedAt;
        for (var i = 0; i < steps.Count; i++)
        {
            at = at.AddMinutes(gaps[i] * scale);
            times[i] = at;
        }
        return (times, TimeSpan.FromMinutes(closeGap * scale));
    }

    private static string Core(Step step, DemoTopic topic, DemoScenario scenario, DemoCustomer requester, Randomizer random) => step switch
    {
        Step.Opening => scenario.Opening,
        Step.Chaser => random.ArrayElement(DemoPhrases.Chasers),
        Step.Progress => random.ArrayElement(DemoPhrases.Progress),
        Step.Hold => random.ArrayElement(DemoPhrases.Holds),
        Step.Resolution => scenario.Resolution,
        Step.HoldNote => random.ArrayElement(DemoPhrases.HoldNotes),
        _ when requester.Needs is not null && random.Bool(0.3f) => "Communication needs on file: " + requester.Needs,
        _ when topic.Notes is { } notes && random.Bool(0.6f) => random.ArrayElement(notes),
        _ => random.ArrayElement(DemoPhrases.Notes),
    };

    private static string[] Inbound(Channel channel, string core, DemoCustomer requester, bool opening, Randomizer random, DemoFacts facts) => channel switch
    {
        Channel.Letter => ["Dear Sir or Madam,", core, "Yours faithfully,\n" + requester.Name],
        Channel.Email or Channel.Web => opening
            ? [random.ArrayElement(Greetings), core, random.ArrayElement(SignOffs) + "\n" + requester.FirstName]
            : [core, "Thanks,\n" + requester.FirstName],
        Channel.Chat => [random.Bool(0.5f) ? "Hi, " + LowerFirst(core) : core],
        Channel.Phone => [$"Call from {requester.Name}: “{core}”"],
        Channel.InPerson => [facts.Fill($"{requester.Name} came to the {{city}} office: “{core}”")],
        _ => [core],
    };

    private static string[] Outbound(Channel channel, string core, DemoCustomer requester, DemoStaffMember author, string team) => channel switch
    {
        Channel.Letter => [$"Dear {requester.Name},", core, $"Yours sincerely,\n{author.FirstName}\n{team} team"],
        Channel.Email or Channel.Web => [$"Hello {requester.FirstName},", core, $"Best wishes,\n{author.FirstName}\n{team} team"],
        Channel.Phone => [$"Spoke to {requester.FirstName} on the phone: “{core}”"],
        Channel.InPerson => [$"Told {requester.FirstName} at the counter: “{core}”"],
        Channel.Social => [$"Hi {requester.FirstName}, {LowerFirst(core)}"],
        _ => [core],
    };

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) && !text.StartsWith("I ", StringComparison.Ordinal) && !text.StartsWith("I'", StringComparison.Ordinal)
            ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static readonly string[] Greetings = ["Hello,", "Hi,", "Good morning,", "Dear customer services,"];
    private static readonly string[] SignOffs = ["Kind regards,", "Many thanks,", "Thanks,", "Best wishes,"];
}

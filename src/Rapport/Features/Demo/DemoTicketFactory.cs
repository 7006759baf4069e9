using Bogus;
using Rapport.Features.Customers;
using Rapport.Features.Demo.Bulk;
using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

internal sealed record DemoRequester(long Id, DemoCustomer Customer);

/// <summary>
/// Makes demo tickets in arrival order, each from its own random stream.
/// Decides who asked, about what, on which channel, how urgent, how far it has got and who has
/// it; <see cref="DemoConversation"/> writes the messages. Numbers are given when written.
/// </summary>
internal sealed class DemoTicketFactory
{
    private const int Stream = 3;
    private static readonly (TicketType Type, float Weight)[] Types =
        [(TicketType.Question, 28), (TicketType.Request, 24), (TicketType.Problem, 22), (TicketType.Incident, 6),
         (TicketType.Complaint, 8), (TicketType.Feedback, 7), (TicketType.Compliment, 5)];
    private static readonly (Channel Channel, float Weight)[] Channels =
        [(Channel.Email, 32), (Channel.Phone, 22), (Channel.Web, 14), (Channel.Chat, 12), (Channel.Sms, 3),
         (Channel.Social, 5), (Channel.InPerson, 3), (Channel.Letter, 3), (Channel.Api, 6)];
    private static readonly (Channel Channel, float Weight)[] ColleagueChannels =
        [(Channel.Email, 50), (Channel.Web, 25), (Channel.Phone, 15), (Channel.Chat, 10)];

    /// <summary>The demo customer's own tickets: one in each status, at a fitting age.</summary>
    private static readonly (TimeSpan Age, TicketStatus Status, TicketType Type, Channel Channel)[] DemoCustomerTickets =
    [
        (TimeSpan.FromDays(60), TicketStatus.Closed, TicketType.Request, Channel.Phone),
        (TimeSpan.FromDays(45), TicketStatus.Closed, TicketType.Complaint, Channel.Letter),
        (TimeSpan.FromDays(12), TicketStatus.Solved, TicketType.Question, Channel.Email),
        (TimeSpan.FromDays(6), TicketStatus.OnHold, TicketType.Problem, Channel.Phone),
        (TimeSpan.FromDays(3), TicketStatus.Pending, TicketType.Request, Channel.Web),
        (TimeSpan.FromHours(20), TicketStatus.Open, TicketType.Problem, Channel.Chat),
        (TimeSpan.FromHours(2), TicketStatus.New, TicketType.Question, Channel.Email),
    ];

    private readonly int _seed;
    private readonly long _count;
    private readonly DemoArrivals _arrivals;
    private readonly DemoCustomerFactory _customers;
    private readonly IdRanges _customerIds;
    private readonly DemoRequester _demoCustomer;
    private readonly DemoWorkforce _staff;
    private readonly DemoConversation _conversation;
    private readonly Dictionary<long, DemoSpec> _demoTickets = [];

    private readonly record struct DemoSpec(TicketStatus Status, TicketType Type, Channel Channel);

    public DemoTicketFactory(int seed, long count, DemoArrivals arrivals, DemoCustomerFactory customers, IdRanges customerIds,
        DemoRequester demoCustomer, DemoWorkforce staff, bool throughMarkdown)
    {
        (_seed, _count, _arrivals, _customers, _customerIds, _demoCustomer, _staff) = (seed, count, arrivals, customers, customerIds, demoCustomer, staff);
        _conversation = new DemoConversation(staff, throughMarkdown);
        foreach (var (age, status, type, channel) in DemoCustomerTickets.Take((int)Math.Min(count, DemoCustomerTickets.Length)))
        {
            var index = arrivals.IndexAt(arrivals.Now - age, count);
            while (_demoTickets.ContainsKey(index)) index = (index + 1) % count;
            _demoTickets[index] = new DemoSpec(status, type, channel);
        }
    }

    /// <summary>
    /// Tickets start to start + size - 1. Each has its own random stream, so what it is about does
    /// not depend on how far the tickets before it had got by the time of seeding.
    /// </summary>
    public List<Ticket> Generate(long start, int size)
    {
        var tickets = new List<Ticket>(size);
        for (var i = start; i < start + size; i++) tickets.Add(Create(i, DemoRandom.For(_seed, Stream, i)));
        return tickets;
    }

    private Ticket Create(long index, Randomizer random)
    {
        var createdAt = _arrivals.TimeOf(index, _count, random.Double());
        DemoSpec? demo = _demoTickets.TryGetValue(index, out var spec) ? spec : null;
        var requester = demo is not null || _customerIds.Count == 0 ? _demoCustomer : PickRequester(random);
        var customer = requester.Customer;

        TicketType? forcedType = demo?.Type ?? (index is >= 9 and < 16 ? (TicketType)(index - 9) : null);
        var topic = forcedType is { } type ? random.ArrayElement(DemoTopics.External[type])
            : customer.Kind == CustomerKind.Internal ? random.ArrayElement(DemoTopics.Colleagues)
            : random.ArrayElement(DemoTopics.External[_arrivals.IsOutage(createdAt) && random.Bool(0.55f) ? TicketType.Incident : random.Pick(Types)]);
        var channel = demo?.Channel ?? (index < 9 ? (Channel)index
            : customer.Kind == CustomerKind.Internal ? random.Pick(ColleagueChannels)
            : customer.PreferredChannel is { } preferred && random.Bool(0.55f) ? preferred
            : random.Pick(Channels));
        var status = demo?.Status ?? StatusFor(_arrivals.Now - createdAt, random);

        var routed = status != TicketStatus.New || random.Bool(0.4f);
        DemoTeam? team = !routed ? null
            : topic.Team is DemoTeam.Complaints or DemoTeam.Colleagues || random.Bool(0.88f) ? topic.Team : DemoTeam.FrontLine;
        var assigned = team is not null && (status is TicketStatus.Solved or TicketStatus.Closed
            || status != TicketStatus.New && random.Bool(0.92f) || random.Bool(0.25f));
        var assignee = assigned ? PickMember(team!.Value, random) : null;
        var textTeam = team ?? DemoTeam.FrontLine;

        var scenario = random.ArrayElement(topic.Scenarios);
        var facts = new DemoFacts(random, createdAt, customer, _staff.TeamName(topic.Team))
        {
            Mentioned = assignee?.FirstName ?? random.ArrayElement(_staff.Members(DemoTeam.FrontLine)).FirstName,
            Colleague = random.ArrayElement(_staff.Members(textTeam)).FirstName,
            Lead = _staff.Lead(textTeam)?.FirstName ?? "the team lead",
        };
        var ticket = new Ticket
        {
            Subject = facts.Fill(random.ArrayElement(scenario.Subjects)),
            RequesterId = requester.Id,
            OrganisationId = customer.Organisation?.Id,
            Channel = channel,
            Type = topic.Type,
            Priority = PriorityFor(topic.Type, random),
            Status = status,
            TeamId = team is { } t ? _staff.TeamId(t) : null,
            AssigneeId = assignee?.Id,
            CreatedAt = createdAt,
        };
        _conversation.Write(ticket, topic, scenario, customer, textTeam, assignee, facts, random, _arrivals.Now);
        ticket.Tags = Tags(topic, customer, ticket, random).Select(name => new TicketTag { Name = name }).ToList();
        if ((ticket.Type == TicketType.Complaint || ticket.Priority == Priority.Urgent) && team is { } followed
            && _staff.Lead(followed) is { } lead && lead.Id != assignee?.Id)
            ticket.Followers.Add(new TicketFollower { UserId = lead.Id });
        return ticket;
    }

    private DemoRequester PickRequester(Randomizer random)
    {
        // A few customers get in touch often, most only once or twice.
        var ordinal = Math.Min(_customerIds.Count - 1, (long)(_customerIds.Count * Math.Pow(random.Double(), 1.5)));
        return new DemoRequester(_customerIds.IdOf(ordinal), _customers.Describe(ordinal));
    }

    private DemoStaffMember PickMember(DemoTeam team, Randomizer random)
    {
        var members = _staff.Members(team);
        var member = random.ArrayElement(members);
        // Leads carry a smaller queue than agents.
        return member.Role == People.Role.TeamLead && random.Bool(0.5f) ? random.ArrayElement(members) : member;
    }

    /// <summary>The older a ticket, the likelier it is done: new, open, pending, on hold, solved, closed.</summary>
    private static readonly (TicketStatus, float)[][] StatusesByAge =
        [Weights<TicketStatus>(55, 30, 5, 0, 10, 0), Weights<TicketStatus>(25, 35, 18, 4, 18, 0), Weights<TicketStatus>(8, 25, 18, 7, 37, 5),
         Weights<TicketStatus>(3, 12, 10, 6, 29, 40), Weights<TicketStatus>(0.3f, 1.5f, 1.5f, 1.2f, 5.5f, 90)];

    private static readonly Dictionary<TicketType, (Priority, float)[]> Priorities = new()
    {
        [TicketType.Incident] = Weights<Priority>(0, 15, 50, 35),
        [TicketType.Complaint] = Weights<Priority>(0, 55, 40, 5),
        [TicketType.Problem] = Weights<Priority>(10, 55, 28, 7),
        [TicketType.Feedback] = Weights<Priority>(80, 20, 0, 0),
        [TicketType.Compliment] = Weights<Priority>(80, 20, 0, 0),
        [TicketType.Question] = Weights<Priority>(30, 60, 10, 0),
        [TicketType.Request] = Weights<Priority>(30, 60, 10, 0),
    };

    private static TicketStatus StatusFor(TimeSpan age, Randomizer random) => random.Pick(StatusesByAge[age.TotalHours switch
    {
        < 2 => 0,
        < 24 => 1,
        < 96 => 2,
        < 240 => 3,
        _ => 4,
    }]);

    private static Priority PriorityFor(TicketType type, Randomizer random) => random.Pick(Priorities[type]);

    private static (T, float)[] Weights<T>(params float[] weights) where T : struct, Enum =>
        Enum.GetValues<T>().Select((value, i) => (value, weights[i])).ToArray();

    private List<string> Tags(DemoTopic topic, DemoCustomer customer, Ticket ticket, Randomizer random)
    {
        var tags = new List<string>(topic.Tags);
        if (customer.Needs is not null && random.Bool(0.6f)) tags.Add("communication_needs");
        if (customer.Language != "en" && random.Bool(0.6f)) tags.Add("lang:" + customer.Language);
        if (_arrivals.IsOutage(ticket.CreatedAt) && ticket.Type == TicketType.Incident) tags.Add("major_incident");
        if (random.Bool(0.06f)) tags.Add("repeat_contact");
        if (ticket.Status is TicketStatus.Solved or TicketStatus.Closed && ticket.Messages.Count(m => m.Visibility == MessageVisibility.Public) == 2)
            tags.Add("first_contact_resolution");
        if (customer.Organisation is { Department: null } organisation && _customers.IsKeyAccount(organisation)) tags.Add("key_account");
        return tags.Distinct(StringComparer.Ordinal).ToList();
    }
}

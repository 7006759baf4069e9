namespace Rapport.Features.Tickets;

/// <summary>Field limits, shared by the model, validation and the UI.</summary>
public static class TicketLimits
{
    public const int SubjectLength = 250;
    public const int BodyLength = 100_000;
    public const int TagLength = 64;
    public const int TagsPerTicket = 50;
    /// <summary>Message-IDs are usually under 100 characters; longer ones are not kept for threading.</summary>
    public const int EmailMessageIdLength = 300;
}

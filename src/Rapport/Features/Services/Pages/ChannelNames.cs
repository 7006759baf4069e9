using Rapport.Features.Tickets;

namespace Rapport.Features.Services.Pages;

/// <summary>Channels as customers and managers call them.</summary>
public static class ChannelNames
{
    public static string Label(Channel channel) => channel switch
    {
        Channel.Email => "Email",
        Channel.Phone => "Phone",
        Channel.Web => "Web form",
        Channel.Chat => "Chat",
        Channel.Sms => "SMS",
        Channel.Social => "Social media",
        Channel.InPerson => "In person",
        Channel.Letter => "Letter",
        Channel.Api => "API",
        _ => channel.ToString(),
    };

    public static string List(IEnumerable<Channel> channels) => string.Join(", ", channels.Select(Label));
}

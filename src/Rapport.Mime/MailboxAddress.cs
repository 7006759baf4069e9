namespace Rapport.Mime;

/// <summary>One mailbox: an optional display name and the address ("local@domain").</summary>
public sealed record MailboxAddress(string? DisplayName, string Address)
{
    public MailboxAddress(string address) : this(null, address) { }

    /// <summary>The part after the last '@', or "" when there is none.</summary>
    public string Domain => Address.LastIndexOf('@') is >= 0 and var at ? Address[(at + 1)..] : "";

    public override string ToString() => string.IsNullOrEmpty(DisplayName) ? Address : $"{DisplayName} <{Address}>";
}

/// <summary>An RFC 5322 group ("Team: a@x, b@y;"); mailboxes outside any group come in a group with a null name.</summary>
public sealed record AddressGroup(string? Name, IReadOnlyList<MailboxAddress> Members);

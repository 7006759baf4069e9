namespace Rapport.Mime;

/// <summary>Reads a message/delivery-status body: header-like field groups separated by blank lines.</summary>
internal static class DeliveryStatusReader
{
    public static IReadOnlyList<HeaderList> Read(MimeEntity? part)
    {
        if (part is null) return [];
        ReadOnlyMemory<byte> data = part.GetBytes();
        var groups = new List<HeaderList>();
        var defects = new DefectList();
        while (!data.IsEmpty)
        {
            var headers = HeaderReader.Read(data.Span, MimeParserOptions.Default, defects, "delivery-status", false, out var next);
            if (headers.Count > 0) groups.Add(headers);
            if (next <= 0) break;
            data = data[next..];
        }
        return groups;
    }
}

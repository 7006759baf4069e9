namespace Rapport.Features.Demo.Bulk;

/// <summary>
/// Which database key the n-th bulk row got, kept as runs of consecutive keys rather than one
/// entry per row: a few runs per batch, whatever the number of rows.
/// </summary>
internal sealed class IdRanges
{
    private readonly List<(long FirstOrdinal, long FirstId, long Count)> _runs = [];

    public long Count { get; private set; }

    /// <summary>Records the keys (ascending) given to the next rows, in order.</summary>
    public void Append(IReadOnlyList<long> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (_runs.Count > 0 && _runs[^1] is var last && last.FirstId + last.Count == ids[i])
                _runs[^1] = last with { Count = last.Count + 1 };
            else
                _runs.Add((Count, ids[i], 1));
            Count++;
        }
    }

    public long IdOf(long ordinal)
    {
        if (ordinal < 0 || ordinal >= Count) throw new ArgumentOutOfRangeException(nameof(ordinal));
        int low = 0, high = _runs.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_runs[middle].FirstOrdinal <= ordinal) low = middle;
            else high = middle - 1;
        }
        var run = _runs[low];
        return run.FirstId + (ordinal - run.FirstOrdinal);
    }
}

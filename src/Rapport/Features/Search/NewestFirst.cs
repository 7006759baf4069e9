namespace Rapport.Features.Search;

/// <summary>
/// Which stretch of ticket numbers a search reads next, newest first, for an engine that cannot walk its matches in
/// that order (GIN; FTS5 can, and reads everything in one pass). Pure: the engine marks stretches of 2^bits numbers,
/// and reading a few marked stretches costs little, while reading every match of a common word costs a lot. So the
/// search starts with the newest two stretches, then guesses from how many it found there how far back the rest of the
/// window lies, and reads everything left in one pass once that holds few matches.
/// </summary>
public static class NewestFirst
{
    /// <summary>At most this many marked stretches in one pass: each one more is another posting list for GIN to merge.</summary>
    public const int MaxStretchesPerPass = 4;

    /// <summary>Everything left is read in one pass when it should hold at most this many times the matches still wanted.</summary>
    private const int RestFactor = 4;

    /// <summary>The first pass: the stretch holding the newest ticket and the one before it (null: read everything at once).</summary>
    public static NumberStretch? First(long newest, int? bits)
    {
        if (bits is not { } b) return null;
        var top = Math.Max(0, newest) >> b;
        return new NumberStretch(Math.Max(0, top - 1) << b, (top + 1) << b);
    }

    /// <summary>
    /// The next pass, after every number from <paramref name="from"/> up has been read and <paramref name="found"/> of the
    /// <paramref name="wanted"/> tickets were found; null when nothing is left.
    /// </summary>
    public static NumberStretch? Next(long from, long newest, int found, int wanted, int bits)
    {
        if (from <= 0 || found >= wanted) return null;
        var read = Math.Max(1, newest + 1 - from);
        var density = (double)found / read;
        var missing = wanted - found;
        if (density * from <= (double)RestFactor * missing) return new NumberStretch(0, from);
        // Far enough back to find the rest at the density seen so far, with a margin, in whole stretches.
        var span = missing / density * 1.25;
        var stretches = (long)Math.Clamp(Math.Ceiling(span / (1L << bits)), 1, MaxStretchesPerPass);
        return new NumberStretch(Math.Max(0, from - (stretches << bits)), from);
    }
}

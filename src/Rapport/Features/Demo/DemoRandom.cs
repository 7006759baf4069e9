using Bogus;

namespace Rapport.Features.Demo;

/// <summary>
/// Independent, repeatable random streams: the customer with ordinal k, or batch b of tickets,
/// always gets the same Randomizer for a seed, whatever was generated before it. That is what lets
/// tickets look up their requester without keeping every customer in memory.
/// </summary>
internal static class DemoRandom
{
    public static Randomizer For(int seed, int stream, long index) => new(Mix(seed, stream, index));

    public static int Mix(int seed, int stream, long index)
    {
        // SplitMix64 finaliser over the three inputs.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + (ulong)index * 0x94D049BB133111EBUL + 0x2545F4914F6CDD1DUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    /// <summary>One of the items, each as likely as its weight (weights need not add up to 1).</summary>
    public static T Pick<T>(this Randomizer random, IReadOnlyList<(T Item, float Weight)> items)
    {
        var total = 0f;
        foreach (var item in items) total += item.Weight;
        var roll = random.Double() * total;
        foreach (var (item, weight) in items)
        {
            if (roll < weight) return item;
            roll -= weight;
        }
        return items[^1].Item;
    }

    /// <summary>A random (version 4) Guid drawn from the stream, so ids repeat with the seed.</summary>
    public static Guid GuidFrom(Randomizer random)
    {
        var bytes = random.Bytes(16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A time span between the bounds, spread evenly on a log scale (many short, a few long).</summary>
    public static TimeSpan Between(this Randomizer random, TimeSpan min, TimeSpan max) =>
        TimeSpan.FromMinutes(min.TotalMinutes * Math.Pow(max.TotalMinutes / min.TotalMinutes, random.Double()));
}

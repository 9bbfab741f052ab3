namespace HiringPlatform.Bench.Data;

// SplitMix64: tiny, fast and fully deterministic. Each entity gets its own stream seeded from
// (seed, kind, index), so any row can be regenerated on its own and the two loader threads agree.
internal struct Rng
{
    private ulong _state;

    public Rng(ulong seed, ulong kind, long index) =>
        _state = Mix(seed ^ Mix(kind * 0x9E3779B97F4A7C15UL ^ (ulong)index));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    // [0, n)
    public int Next(int n) => (int)((NextULong() >> 33) % (ulong)n);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    // Index into a cumulative weight table (ascending, last = total).
    public int PickWeighted(double[] cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return i >= 0 ? Math.Min(i + 1, cumulative.Length - 1) : ~i;
    }
}

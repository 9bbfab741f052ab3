using System.Buffers.Binary;

namespace HiringPlatform.Bench.Data;

// Deterministic UUIDv7-shaped ids: the 48-bit millisecond timestamp of the row's creation first (so ids sort
// by time like the app's Guid.CreateVersion7() and primary keys fill in append order), then version and
// variant bits, then the table's tag and the row's index (unique by construction) and a few seed bits.
internal static class BenchIds
{
    public static Guid Make(IdKind kind, long index, DateTimeOffset createdAt, ulong seed)
    {
        Span<byte> b = stackalloc byte[16];
        var ms = (ulong)createdAt.ToUnixTimeMilliseconds();
        b[0] = (byte)(ms >> 40);
        b[1] = (byte)(ms >> 32);
        b[2] = (byte)(ms >> 24);
        b[3] = (byte)(ms >> 16);
        b[4] = (byte)(ms >> 8);
        b[5] = (byte)ms;
        var tag = (int)kind;
        b[6] = (byte)(0x70 | ((tag >> 4) & 0x0F));
        b[7] = (byte)((tag & 0x0F) << 4);
        // rand_b: 62 bits = 40 bits of row index + 22 bits derived from the seed.
        var noise = Rng.Mix(seed ^ ((ulong)tag << 48) ^ (ulong)index) & 0x3FFFFF;
        var randB = ((ulong)index << 22) | noise;
        BinaryPrimitives.WriteUInt64BigEndian(b[8..], randB);
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }
}

internal enum IdKind
{
    User = 1,
    Posting = 2,
    PostingEvent = 3,
    ScreeningQuestion = 4,
    Stage = 5,
    Candidate = 6,
    Application = 7,
    Interview = 8,
    Scorecard = 9,
    Activity = 10,
    Decision = 11,
    Note = 12,
}

namespace HiringPlatform.Application.Common.Interfaces;

// A query that may read from the read replica (ADR-0020): it writes nothing and its page is fine with data a few
// seconds old (searches, reports, lists). Its handler still uses AppDbContext and the same access rules; only the
// connection changes. Unmarked requests, and marked ones from a browser that has just written, read the primary.
public interface IReadFromReplica;

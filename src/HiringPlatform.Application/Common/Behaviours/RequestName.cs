namespace HiringPlatform.Application.Common.Behaviours;

// "AdvanceCandidate.Command" rather than just "Command": use cases nest their request types.
public static class RequestName
{
    public static string Of(Type type) =>
        type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;

    public static string Of<T>() => Cache<T>.Name;

    private static class Cache<T>
    {
        public static readonly string Name = Of(typeof(T));
    }
}

// The command being handled, for the audit interceptor (which runs inside SaveChanges, far from the request).
public sealed class CommandScope
{
    private readonly List<Action> _afterCommit = [];

    public string? CommandName { get; set; }

    // Work that must happen only once the command's transaction has committed (counting it in the metrics): a
    // rolled-back attempt drops it, and an attempt that TransactionBehaviour retries starts with none.
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    internal void DiscardAfterCommit() => _afterCommit.Clear();

    internal void RunAfterCommit()
    {
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions) action();
    }
}

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
    public string? CommandName { get; set; }
}

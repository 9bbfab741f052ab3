namespace HiringPlatform.Application.Domain.Common;

// A state rule was broken (for example approving a posting that is not awaiting approval).
// The message is shown to the user as-is, so it is written for them.
public class DomainException(string message) : Exception(message);

namespace HiringPlatform.Application.Common.Interfaces;

// A command that creates something and may arrive twice: a form re-posted after a 503, or a whole command
// replayed by the retrying execution strategy after a commit whose acknowledgement was lost. The form carries
// a key made when it was rendered; IdempotencyBehaviour stores it with the command's outcome in the command's
// own transaction, and a second arrival with the same key gets that outcome instead of running again.
// No key (an old form, a test, another caller): the command runs as usual.
public interface IIdempotentCommand
{
    Guid? IdempotencyKey { get; }
}

using FluentValidation.Results;

namespace HiringPlatform.Application.Common.Exceptions;

// Field errors keyed by the request's property names, so they land next to the right form field.
public sealed class ValidationException : Exception
{
    public ValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more validation failures have occurred.") =>
        Errors = failures
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());

    public ValidationException(string propertyName, string message)
        : this([new ValidationFailure(propertyName, message)]) { }

    public IDictionary<string, string[]> Errors { get; }
}

public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

public sealed class ForbiddenAccessException(string? message = null) : Exception(message ?? "You do not have access to this.");

// Someone else saved the same record first; the user is told and sees the current state.
public sealed class ConcurrencyConflictException(string message) : Exception(message);

using System.Reflection;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Users;
using Mediator;

namespace HiringPlatform.Application.Common.Behaviours;

// Coarse, role-level rules declared on the request, then the request's resource authorizers (IResourceAuthorizer,
// ADR-0009), all before ValidationBehaviour so a refused request learns nothing from validation messages.
// Admins pass every role check: they manage the whole installation. (Resource authorizers still run for them:
// they answer "not found" for what does not exist, which admins are allowed to learn.)
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, IEnumerable<IResourceAuthorizer<TMessage>> authorizers)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    private static readonly AuthorizeAttribute[] Rules = typeof(TMessage).GetCustomAttributes<AuthorizeAttribute>(true).ToArray();
    private static readonly bool Anonymous = typeof(TMessage).GetCustomAttribute<AllowAnonymousAttribute>(true) is not null;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Anonymous) return next(message, cancellationToken);
        if (Rules.Length == 0)
            throw new InvalidOperationException($"{RequestName.Of<TMessage>()} declares neither [Authorize] nor [AllowAnonymous].");
        if (!user.IsAuthenticated) throw new UnauthorizedAccessException();
        if (!user.IsInRole(Roles.Admin))
        {
            foreach (var rule in Rules)
            {
                var roles = rule.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (roles.Length > 0 && !roles.Any(user.IsInRole)) throw new ForbiddenAccessException();
            }
        }
        return AuthorizeResourceAsync(message, next, cancellationToken);
    }

    private async ValueTask<TResponse> AuthorizeResourceAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        // Sequential: authorizers share the scoped DbContext.
        foreach (var authorizer in authorizers) await authorizer.AuthorizeAsync(message, ct);
        return await next(message, ct);
    }
}

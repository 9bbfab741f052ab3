using System.Security.Claims;
using System.Text.Encodings.Web;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Testing;

public sealed record TestUser(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string Password)
{
    // Header understood by TestAuthHandler: the request is made as this user without a sign-in round trip.
    public string Header => $"{Id}|{Email}|{string.Join(',', Roles)}";
}

// Integration tests send requests as a user without any HTTP request: this ambient user wins when set.
public static class TestUserContext
{
    private static readonly AsyncLocal<TestUser?> Current = new();

    public static TestUser? User
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

public sealed class SwitchableCurrentUser(CurrentUser http) : ICurrentUser
{
    private static TestUser? Test => TestUserContext.User;

    public Guid? Id => Test?.Id ?? http.Id;
    public string? Name => Test?.Email ?? http.Name;
    public bool IsAuthenticated => Test is not null || http.IsAuthenticated;
    public bool IsInRole(string role) => Test is not null ? Test.Roles.Contains(role) : http.IsInRole(role);
    public string? CorrelationId => http.CorrelationId ?? (Test is null ? null : "test");
}

public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string HeaderName = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderName].ToString();
        var parts = header.Split('|');
        if (parts.Length != 3) return Task.FromResult(AuthenticateResult.NoResult());
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, parts[0]),
            new(ClaimTypes.Name, parts[1]),
            new(AppClaimsPrincipalFactory.DisplayName, parts[1]),
            new(AppClaimsPrincipalFactory.TimeZone, "UTC"),
        };
        claims.AddRange(parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

// A clock that runs like the real one but can be moved forward (overdue feedback, token expiry, retention).
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public void Reset() => _offset = TimeSpan.Zero;
}

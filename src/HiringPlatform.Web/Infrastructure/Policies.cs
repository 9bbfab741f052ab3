using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Authorization;

namespace HiringPlatform.Web.Infrastructure;

// Coarse, role-level gates for controllers. Resource rules (whose posting, whose interview) are in the handlers.
// Admins pass every gate.
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);
    public const string Recruiter = nameof(Recruiter);
    public const string HiringTeam = nameof(HiringTeam);
    public const string Interviewer = nameof(Interviewer);

    public static void Configure(AuthorizationOptions options)
    {
        // A page is private unless it says otherwise.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Staff, p => p.RequireRole(Roles.All.ToArray()));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Recruiter, p => p.RequireRole(Roles.Recruiter, Roles.Admin));
        options.AddPolicy(HiringTeam, p => p.RequireRole(Roles.Recruiter, Roles.HiringManager, Roles.Admin));
        options.AddPolicy(Interviewer, p => p.RequireRole(Roles.Interviewer, Roles.Recruiter, Roles.HiringManager, Roles.Admin));
    }
}

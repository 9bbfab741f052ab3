using FluentValidation;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings.Shared;

// The hiring team of a posting as a form sends it: recruiters, one hiring manager, interviewers.
// Lists, not read-only interfaces: MVC fills a bound collection property in place, and an IReadOnlyList
// initialised with [] is an immutable empty instance it silently cannot fill.
public interface IPostingTeamInput
{
    List<Guid> RecruiterIds { get; }
    Guid? HiringManagerId { get; }
    List<Guid> InterviewerIds { get; }
}

public static class PostingTeamRules
{
    public static IEnumerable<(Guid UserId, TeamRole Role)> Members(IPostingTeamInput input, Guid? addRecruiter = null) =>
        input.RecruiterIds.Concat(addRecruiter is { } extra ? [extra] : []).Distinct().Select(id => (id, TeamRole.Recruiter))
            .Concat(input.HiringManagerId is { } hm ? [(hm, TeamRole.HiringManager)] : [])
            .Concat(input.InterviewerIds.Distinct().Select(id => (id, TeamRole.Interviewer)));

    // Everyone chosen must be an active user holding the role they are chosen for. The messages name the person,
    // so the recruiter knows whom to replace.
    public static void AddTeamRules<T>(this AbstractValidator<T> validator, AppDbContext db) where T : IPostingTeamInput
    {
        validator.RuleFor(x => x.HiringManagerId).NotEmpty().WithMessage("Choose the hiring manager.");
        validator.RuleFor(x => x.RecruiterIds).Must(ids => ids.Count <= 20).WithMessage("A team has at most 20 recruiters.");
        validator.RuleFor(x => x.InterviewerIds).Must(ids => ids.Count <= 100).WithMessage("A team has at most 100 interviewers.");
        validator.RuleFor(x => x).CustomAsync(async (input, context, ct) =>
        {
            var ids = input.RecruiterIds.Concat(input.InterviewerIds).Concat(input.HiringManagerId is { } hm ? [hm] : []).Distinct().ToList();
            if (ids.Count == 0) return;
            var people = await StaffDirectory.FindAsync(db, ids, ct);
            Check(context, people, input.RecruiterIds, Roles.Recruiter, "RecruiterIds", "a recruiter");
            Check(context, people, input.HiringManagerId is { } id ? [id] : [], Roles.HiringManager, "HiringManagerId", "a hiring manager");
            Check(context, people, input.InterviewerIds, Roles.Interviewer, "InterviewerIds", "an interviewer");
        });
    }

    private static void Check<T>(ValidationContext<T> context, IReadOnlyDictionary<Guid, StaffDirectory.Person> people,
        IEnumerable<Guid> chosen, string role, string property, string roleText)
    {
        foreach (var id in chosen.Distinct())
        {
            if (!people.TryGetValue(id, out var person) || !person.IsActive)
                context.AddFailure(property, "One of the people chosen does not exist or has been deactivated. Choose again.");
            else if (!person.Roles.Contains(role))
                context.AddFailure(property, $"{person.DisplayName} is not {roleText}. Ask an admin to give them the role, or choose someone else.");
        }
    }
}

// Staff users with their roles, looked up in one query.
public static class StaffDirectory
{
    public sealed record Person(Guid Id, string DisplayName, bool IsActive, IReadOnlyList<string> Roles);

    public static async Task<IReadOnlyDictionary<Guid, Person>> FindAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.IsActive,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => new Person(u.Id, u.DisplayName, u.IsActive, u.Roles));
    }
}

using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// The offer page: the current offer's terms against the posting's band, what can happen next (and who may do it),
// and earlier offers.
public static class GetOffer
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid ApplicationId { get; init; }
    }

    public sealed record Model
    {
        public Guid ApplicationId { get; init; }
        public Guid CandidateId { get; init; }
        public string CandidateName { get; init; } = "";
        public Guid PostingId { get; init; }
        public string PostingTitle { get; init; } = "";
        public PostingStatus PostingStatus { get; init; }
        public int Headcount { get; init; }
        public int FilledCount { get; init; }
        public string StageName { get; init; } = "";
        public bool InOfferStage { get; init; }
        public ApplicationStatus Status { get; init; }
        public SalaryBand Band { get; init; } = new();
        public OfferView? Current { get; init; }
        public IReadOnlyList<OfferView> Earlier { get; init; } = [];
        public bool IsHiringManager { get; init; }
        public bool IsAdmin { get; init; }
        public SaveOffer.Command Form { get; init; } = new();

        public bool CanEdit => Status == ApplicationStatus.Active && (Current is null || Current.Status == OfferStatus.Draft);
        public bool CanApproveException => IsAdmin && Current is { Status: OfferStatus.Draft, OutsideBand: true, ExceptionApproved: false };
        public bool CanApprove => IsHiringManager && Current is { Status: OfferStatus.Draft } c && (!c.OutsideBand || c.ExceptionApproved);
        public bool CanSend => Current is { Status: OfferStatus.Approved } && Status == ApplicationStatus.Active;
        public bool CanRecordResponse => Current is { Status: OfferStatus.Sent } && Status == ApplicationStatus.Active;
    }

    public sealed record OfferView(
        Guid Id,
        OfferStatus Status,
        decimal Salary,
        string Currency,
        DateOnly StartDate,
        string? Notes,
        bool OutsideBand,
        bool ExceptionApproved,
        string? ExceptionReason,
        string? ExceptionApprovedBy,
        string? ApprovedBy,
        DateTimeOffset? ApprovedAt,
        DateTimeOffset? SentAt,
        DateTimeOffset? RespondedAt,
        DateTimeOffset CreatedAt,
        uint Version);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var app = await (
                from a in db.Applications.AsNoTracking()
                where a.Id == query.ApplicationId
                join c in db.Candidates on a.CandidateId equals c.Id
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on a.StageId equals s.Id
                select new
                {
                    a.Id, a.CandidateId, c.FullName, a.PostingId, p.Title, p.Status, p.Headcount, p.FilledCount, p.Salary,
                    StageName = s.Name, s.Kind, AppStatus = a.Status
                })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Application");
            if (!await db.IsHiringTeamAsync(user, app.PostingId, ct)) throw new NotFoundException("Application");

            var offers = await db.Offers.AsNoTracking().Where(o => o.ApplicationId == app.Id).OrderByDescending(o => o.CreatedAt).Take(20).ToListAsync(ct);
            var people = offers.SelectMany(o => new[] { o.ApprovedBy, o.ExceptionApprovedBy }).Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            // A draft is judged against the band as it is now; later offers keep the verdict they were approved with.
            var views = offers.Select(o => new OfferView(o.Id, o.Status, o.Salary, o.Currency, o.StartDate, o.Notes,
                o.Status == OfferStatus.Draft ? o.IsOutside(app.Salary) : o.OutsideBand,
                o.ExceptionApprovedBy is not null, o.ExceptionReason, o.ExceptionApprovedBy is { } e ? names.GetValueOrDefault(e) : null,
                o.ApprovedBy is { } a ? names.GetValueOrDefault(a) : null, o.ApprovedAt, o.SentAt, o.RespondedAt, o.CreatedAt, o.Version)).ToList();
            // The current offer is the newest one still in play; a declined or withdrawn one makes room for a new draft.
            var current = views.FirstOrDefault(o => o.Status is OfferStatus.Draft or OfferStatus.Approved or OfferStatus.Sent or OfferStatus.Accepted);
            return new Model
            {
                ApplicationId = app.Id,
                CandidateId = app.CandidateId,
                CandidateName = app.FullName,
                PostingId = app.PostingId,
                PostingTitle = app.Title,
                PostingStatus = app.Status,
                Headcount = app.Headcount,
                FilledCount = app.FilledCount,
                StageName = app.StageName,
                InOfferStage = app.Kind == StageKind.Offer,
                Status = app.AppStatus,
                Band = app.Salary,
                Current = current,
                Earlier = views.Where(v => v != current).ToList(),
                IsHiringManager = await db.CanDecideAsync(user, app.PostingId, ct),
                IsAdmin = user.IsAdmin(),
                Form = current is { Status: OfferStatus.Draft }
                    ? new SaveOffer.Command { ApplicationId = app.Id, Salary = current.Salary, Currency = current.Currency, StartDate = current.StartDate, Notes = current.Notes, Version = current.Version }
                    : new SaveOffer.Command { ApplicationId = app.Id, Currency = app.Salary.Currency, Version = current?.Version ?? 0u },
            };
        }
    }
}

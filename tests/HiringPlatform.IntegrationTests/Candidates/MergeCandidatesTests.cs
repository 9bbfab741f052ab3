using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class MergeCandidatesTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    [Fact]
    public async Task Should_flag_the_same_name_and_phone_or_the_same_linkedin_as_possible_duplicates_on_both_profiles()
    {
        var first = await App.CreateCandidateAsync("Maria Garcia", configure: c =>
        {
            c.Phone = "+1 (555) 201-3344";
            c.LinkedInUrl = "https://www.linkedin.com/in/maria-g/";
        });
        await App.CreateApplicationAsync(Posting, first);

        var samePhone = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "maria  garcia", Email = "maria.g@example.org", Phone = "555 201 3344", Source = CandidateSource.Sourced, PostingId = Posting.Id,
        }, Recruiter);
        var sameLinkedIn = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "M. Garcia", Email = "mg@example.net", LinkedInUrl = "http://linkedin.com/in/Maria-G?trk=x", Source = CandidateSource.Referral,
            SourceDetail = "Sam", PostingId = Posting.Id,
        }, Recruiter);
        var unrelated = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "Maria Lopez", Email = "ml@example.net", Phone = "+1 555 201 3344", Source = CandidateSource.Sourced, PostingId = Posting.Id,
        }, Recruiter);

        var pairs = await App.QueryAsync(db => db.PossibleDuplicates.AsNoTracking().ToListAsync());
        Assert.Equal(2, pairs.Count);
        Assert.Contains(pairs, p => p.Reason == Duplicates.SamePhone && new[] { p.CandidateId, p.OtherCandidateId }.Order().SequenceEqual(new[] { first, samePhone }.Order()));
        Assert.Contains(pairs, p => p.Reason == Duplicates.SameLinkedIn && new[] { p.CandidateId, p.OtherCandidateId }.Order().SequenceEqual(new[] { first, sameLinkedIn }.Order()));
        Assert.DoesNotContain(pairs, p => p.CandidateId == unrelated || p.OtherCandidateId == unrelated);

        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = first }, Recruiter);
        Assert.Equal(2, profile.Duplicates.Count);
        var other = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = samePhone }, Recruiter);
        Assert.Equal(first, Assert.Single(other.Duplicates).OtherId);
    }

    [Fact]
    public async Task Should_not_leave_the_merged_pair_flagged_when_it_was_never_flagged_before()
    {
        var first = await App.CreateCandidateAsync("Noor Haddad", configure: c => c.Phone = "+44 20 7946 0018");
        await App.CreateApplicationAsync(Posting, first);
        var second = await App.CreateCandidateAsync("Noor Haddad", configure: c => c.Phone = "020 7946 0018");
        await App.CreateApplicationAsync(Posting, second, "Recruiter screen");

        await App.SendAsync(new MergeCandidates.Command { CandidateId = first, OtherId = second, SurvivorId = first }, Recruiter);

        Assert.Equal(0, await App.QueryAsync(db => db.PossibleDuplicates.CountAsync(d => d.ResolvedAt == null)));
        Assert.Empty((await App.SendAsync(new GetCandidateProfile.Query { CandidateId = first }, Recruiter)).Duplicates);
    }

    [Fact]
    public async Task Should_not_flag_a_pair_again_once_dismissed()
    {
        var first = await App.CreateCandidateAsync("Li Wei", configure: c => c.Phone = "+86 10 5555 1234");
        await App.CreateApplicationAsync(Posting, first);
        var second = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "Li Wei", Email = "li.wei@example.org", Phone = "010 5555 1234", Source = CandidateSource.Sourced, PostingId = Posting.Id,
        }, Recruiter);
        var pair = await App.QueryAsync(db => db.PossibleDuplicates.SingleAsync());
        await App.SendAsync(new DismissDuplicate.Command { DuplicateId = pair.Id }, Recruiter);

        var edit = await App.SendAsync(new EditCandidate.Query { CandidateId = second }, Recruiter);
        await App.SendAsync(edit with { Location = "Beijing" }, Recruiter);

        Assert.NotNull((await App.QueryAsync(db => db.PossibleDuplicates.SingleAsync())).ResolvedAt);
        Assert.Empty((await App.SendAsync(new GetCandidateProfile.Query { CandidateId = first }, Recruiter)).Duplicates);
    }

    [Fact]
    public async Task Should_merge_keeping_everything_and_collapse_applications_to_the_same_posting()
    {
        var otherPosting = await App.CreatePostingAsync(Recruiter, Manager, title: "Staff Backend Engineer");
        // The survivor is in the posting's screen; the duplicate got further (coding exercise) with an interview and a scorecard.
        var (survivor, survivorApp) = await App.CreateApplicantAsync(Posting, "Maria Garcia", "Recruiter screen");
        var (duplicate, duplicateApp) = await App.CreateApplicantAsync(Posting, "Maria Garcia", "Coding exercise");
        var elsewhere = await App.CreateApplicationAsync(otherPosting, duplicate);
        var interviewId = await App.CreateInterviewAsync(duplicateApp, [Interviewer]);
        await App.WithDbAsync(async db =>
        {
            db.Scorecards.Add(new Scorecard(interviewId, duplicateApp, Interviewer.Id));
            db.CandidateNotes.Add(new CandidateNote(duplicate, duplicateApp, Recruiter.Id, "Strong on Postgres."));
            db.CandidateNotes.Add(new CandidateNote(survivor, survivorApp, Recruiter.Id, "Referred by Sam."));
            db.Files.Add(new StoredFile(duplicate, FileKind.Resume, "cv.pdf", "application/pdf", 10, "k1", App.Clock.GetUtcNow()));
            db.OutboxEmails.Add(new OutboxEmail("dup@example.com", "Maria", "Hello", "Body", null, App.Clock.GetUtcNow(), duplicate));
            var d = await db.Candidates.FindAsync(duplicate);
            d!.Phone = "+1 555 0100 200";
            d.AddTag("postgres");
            await db.SaveChangesAsync();
        });
        var survivorEvents = await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == survivor));
        var duplicateEvents = await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == duplicate));

        var result = await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, Recruiter);

        Assert.Equal(1, result.ApplicationsMoved);
        Assert.Equal(1, result.ApplicationsCombined);
        var applications = await App.QueryAsync(db => db.Applications.AsNoTracking().Where(a => a.CandidateId == survivor).ToListAsync());
        Assert.Equal(2, applications.Count);
        // The further-advanced application (the duplicate's) stays, now the survivor's; the other is gone.
        var kept = Assert.Single(applications, a => a.PostingId == Posting.Id);
        Assert.Equal(duplicateApp, kept.Id);
        Assert.Equal(Posting.Stage("Coding exercise").Id, kept.StageId);
        Assert.Contains(applications, a => a.Id == elsewhere);
        Assert.Null(await App.FindAsync<JobApplication>(survivorApp));
        // Interviews, scorecards, notes, files, emails and the whole timeline follow.
        Assert.Equal(duplicateApp, (await App.FindAsync<Interview>(interviewId))!.ApplicationId);
        Assert.Equal(duplicateApp, await App.QueryAsync(db => db.Scorecards.Select(s => s.ApplicationId).SingleAsync()));
        Assert.Equal(2, await App.QueryAsync(db => db.CandidateNotes.CountAsync(n => n.CandidateId == survivor)));
        Assert.Equal(2, await App.QueryAsync(db => db.CandidateNotes.CountAsync(n => n.ApplicationId == duplicateApp)));
        Assert.Equal(survivor, await App.QueryAsync(db => db.Files.Select(f => f.CandidateId).SingleAsync()));
        Assert.Equal(survivor, await App.QueryAsync(db => db.OutboxEmails.Select(e => e.CandidateId).SingleAsync()));
        Assert.Equal(survivorEvents + duplicateEvents + 1, await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == survivor)));
        Assert.Equal(0, await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.ApplicationId == survivorApp)));
        // The survivor takes the details it lacked; the duplicate points at it.
        var merged = (await App.FindAsync<Candidate>(survivor))!;
        Assert.Equal("+1 555 0100 200", merged.Phone);
        Assert.Contains("postgres", merged.Tags);
        Assert.Equal(survivor, (await App.FindAsync<Candidate>(duplicate))!.MergedIntoId);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Command == "MergeCandidates.Command" && a.EntityId == duplicate.ToString())));
        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = duplicate }, Recruiter);
        Assert.Equal(survivor, profile.MergedIntoId);
    }
}

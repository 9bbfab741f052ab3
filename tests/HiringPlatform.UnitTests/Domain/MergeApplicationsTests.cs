using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Features.Candidates;

namespace HiringPlatform.UnitTests.Domain;

// Which of one person's two applications to a posting a merge keeps, and what it combines (ADR-0023).
public sealed class MergeApplicationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Posting = Guid.NewGuid();
    private static readonly Guid Screen = Guid.NewGuid();
    private static readonly Guid Exercise = Guid.NewGuid();

    private static int Order(Guid stageId) => stageId == Exercise ? 2 : 1;

    private static JobApplication At(Guid stageId, DateTimeOffset? applied = null)
    {
        var application = new JobApplication(Guid.NewGuid(), Posting, Screen, CandidateSource.CareersSite, null, applied ?? Now);
        if (stageId != Screen) application.MoveTo(stageId, Now);
        return application;
    }

    [Fact]
    public void Should_keep_an_active_application_over_a_closed_one_further_along_and_a_hire_over_everything()
    {
        var rejected = At(Exercise);
        rejected.Reject(RejectionReason.ExperienceLevel, null, null, Now);
        var active = At(Screen);
        Assert.Same(active, JobApplication.ChooseKept(rejected, active, Order).Keep);
        Assert.Same(active, JobApplication.ChooseKept(active, rejected, Order).Keep);

        var hired = At(Screen);
        hired.Hire(Now);
        var further = At(Exercise);
        Assert.Same(hired, JobApplication.ChooseKept(further, hired, Order).Keep);
    }

    [Fact]
    public void Should_keep_the_later_stage_then_the_earlier_application_between_two_alike()
    {
        var screen = At(Screen);
        var exercise = At(Exercise);
        Assert.Same(exercise, JobApplication.ChooseKept(screen, exercise, Order).Keep);

        var first = At(Screen, Now.AddDays(-2));
        var second = At(Screen);
        Assert.Equal((first, second), JobApplication.ChooseKept(second, first, Order));
        Assert.Throws<DomainException>(() => JobApplication.ChooseKept(first,
            new JobApplication(Guid.NewGuid(), Guid.NewGuid(), Screen, CandidateSource.CareersSite, null, Now), Order));
    }

    [Fact]
    public void Should_copy_new_answers_and_return_the_differing_ones()
    {
        var (years, visa, remote) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var kept = At(Exercise);
        kept.AddAnswer(years, "Years?", "5");
        kept.AddAnswer(remote, "Remote?", "Yes");
        var other = At(Screen);
        other.AddAnswer(years, "Years?", "6");
        other.AddAnswer(visa, "Visa?", "No");
        other.AddAnswer(remote, "Remote?", " Yes ");
        other.CoverNote = "Hello";

        var differing = kept.Combine(other, Now);

        Assert.Equal("6", Assert.Single(differing).Answer);
        Assert.Equal(new[] { "5", "Yes", "No" }, kept.Answers.Select(a => a.Answer));
        Assert.Equal(kept.Id, kept.Answers.Single(a => a.QuestionId == visa).ApplicationId);
        Assert.Equal("Hello", kept.CoverNote);
        var combined = Assert.IsType<ApplicationCombined>(kept.DomainEvents[^1]);
        Assert.Equal(other.Id, combined.CombinedApplicationId);
        Assert.Throws<DomainException>(() => kept.Combine(kept, Now));
    }

    [Fact]
    public void Should_split_the_note_of_a_long_combined_application_at_section_boundaries()
    {
        var kept = At(Exercise);
        var other = At(Screen);
        var answers = Enumerable.Range(0, 6).Select(i => new ScreeningAnswer(other.Id, Guid.NewGuid(), $"Question {i}?", new string('x', 2000))).ToList();
        other.CoverNote = new string('c', 4000);

        var notes = MergeCandidates.CombinedNote(other, kept, "Recruiter screen", "Backend", null, answers);

        Assert.True(notes.Count >= 3);
        Assert.All(notes, n => Assert.InRange(n.Length, 1, MergeCandidates.MaxNoteLength));
        Assert.Contains("active in Recruiter screen", notes[0], StringComparison.Ordinal);
        Assert.Equal(6, notes.Sum(n => n.Split("- Question ").Length - 1));
        Assert.All(notes.Skip(1), n => Assert.StartsWith("(continued)", n, StringComparison.Ordinal));
    }
}

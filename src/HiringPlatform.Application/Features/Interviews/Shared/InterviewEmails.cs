using System.Text;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews.Shared;

public enum InterviewChange { Scheduled, Rescheduled, Cancelled }

// The emails that tell the panel and the candidate about an interview, each with a calendar invitation in the
// recipient's own time zone. Written to the outbox in the same transaction as the change; a worker sends them.
// Every one of them is about the candidate (the panel's name them), so each carries the candidate's id: erasure and
// export find them all. Links are absolute (IAppUrls), so they work from a mail client.
public static class InterviewEmails
{
    private sealed record Recipient(string Email, string Name, string? TimeZoneId, bool IsCandidate);

    public static async Task<List<OutboxEmail>> BuildAsync(AppDbContext db, ICalendarInvitations calendar, IAppUrls urls, Interview interview,
        InterviewChange change, Guid? organizerId, DateTimeOffset now, CancellationToken ct)
    {
        var facts = await (
            from a in db.Applications.AsNoTracking()
            where a.Id == interview.ApplicationId
            join c in db.Candidates on a.CandidateId equals c.Id
            join p in db.JobPostings on a.PostingId equals p.Id
            select new { CandidateId = c.Id, c.FullName, c.Email, c.TimeZoneId, c.ErasedAt, p.Title }).SingleAsync(ct);
        var stageName = await db.InterviewStages.AsNoTracking().Where(s => s.Id == interview.StageId).Select(s => s.Name).SingleAsync(ct);
        var interviewerIds = interview.Participants.Select(p => p.InterviewerId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => interviewerIds.Contains(u.Id) || u.Id == organizerId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.TimeZoneId }).ToListAsync(ct);
        // No organizer when the candidate's own action (withdrawing through their link) cancels the interview.
        var organizer = people.SingleOrDefault(p => p.Id == organizerId);

        var recipients = people.Where(p => interviewerIds.Contains(p.Id) && p.Email is not null)
            .Select(p => new Recipient(p.Email!, p.DisplayName, p.TimeZoneId, false)).ToList();
        if (facts.ErasedAt is null)
            recipients.Add(new Recipient(facts.Email, facts.FullName, facts.TimeZoneId, true));

        var emails = new List<OutboxEmail>();
        foreach (var r in recipients)
        {
            var summary = r.IsCandidate ? $"{stageName} — {facts.Title}" : $"Interview: {facts.FullName} — {stageName}";
            var subject = change switch
            {
                InterviewChange.Scheduled => r.IsCandidate ? $"Your interview: {stageName} for {facts.Title}" : $"Interview scheduled: {facts.FullName} ({stageName})",
                InterviewChange.Rescheduled => r.IsCandidate ? $"New time for your interview: {stageName}" : $"Interview moved: {facts.FullName} ({stageName})",
                _ => r.IsCandidate ? $"Interview cancelled: {stageName} for {facts.Title}" : $"Interview cancelled: {facts.FullName} ({stageName})",
            };
            var body = Body(r, change, interview, facts.FullName, facts.Title, stageName, urls);
            var invitation = new CalendarInvitation(interview.Id, interview.CalendarSequence, change == InterviewChange.Cancelled, summary,
                r.IsCandidate ? $"{stageName} for the {facts.Title} role." : $"Interview with {facts.FullName} for {facts.Title} ({stageName}). Kit: {urls.Absolute($"/interviews/{interview.Id}/kit")}",
                interview.LocationOrLink, interview.StartsAt, interview.EndsAt,
                new CalendarPerson(organizer?.Email ?? "no-reply@hiringplatform.invalid", organizer?.DisplayName ?? "Hiring team"),
                new CalendarPerson(r.Email, r.Name), r.TimeZoneId);
            emails.Add(new OutboxEmail(r.Email, r.Name, subject, body, null, now, facts.CandidateId)
                .WithAttachment(ICalendarInvitations.FileName, calendar.ContentType(invitation), calendar.Create(invitation)));
        }
        return emails;
    }

    private static string Body(Recipient r, InterviewChange change, Interview interview, string candidate, string posting, string stage, IAppUrls urls)
    {
        var when = InterviewTimes.Format(interview.StartsAt, r.TimeZoneId);
        var text = new StringBuilder();
        text.AppendLine($"Hello {r.Name},").AppendLine();
        text.AppendLine(change switch
        {
            InterviewChange.Scheduled when r.IsCandidate => $"Thank you for your interest in the {posting} role. We would like to invite you to the next step: {stage}.",
            InterviewChange.Scheduled => $"You are on the panel for {candidate}, who is applying for {posting}. Stage: {stage}.",
            InterviewChange.Rescheduled when r.IsCandidate => $"Your {stage} for the {posting} role has moved to a new time.",
            InterviewChange.Rescheduled => $"The {stage} with {candidate} ({posting}) has moved to a new time.",
            _ when r.IsCandidate => $"Your {stage} for the {posting} role has been cancelled. We will be in touch about next steps.",
            _ => $"The {stage} with {candidate} ({posting}) has been cancelled.",
        });
        text.AppendLine();
        if (change != InterviewChange.Cancelled)
        {
            text.AppendLine($"When: {when} ({interview.DurationMinutes} minutes)");
            if (!string.IsNullOrWhiteSpace(interview.LocationOrLink)) text.AppendLine($"Where: {interview.LocationOrLink}");
            text.AppendLine();
            if (!r.IsCandidate)
            {
                text.AppendLine($"Interview kit: {urls.Absolute($"/interviews/{interview.Id}/kit")}");
                text.AppendLine($"Scorecard: {urls.Absolute($"/interviews/{interview.Id}/scorecard")} — please submit it within {FeedbackRules.DueWithin.TotalHours:0} hours of the interview, before reading anyone else's.");
                text.AppendLine();
            }
            text.AppendLine("A calendar invitation is attached.");
        }
        else
        {
            text.AppendLine($"It was planned for {when}.");
            if (!r.IsCandidate && !string.IsNullOrWhiteSpace(interview.CancellationReason)) text.AppendLine($"Reason: {interview.CancellationReason}");
            text.AppendLine().AppendLine("The attached calendar update removes it from your calendar.");
        }
        return text.ToString();
    }

    public static ActivityEvent Activity(Interview interview, Guid candidateId, Guid? actorId, InterviewChange change, string stageName, DateTimeOffset at) =>
        new(candidateId, interview.ApplicationId, at, actorId,
            change switch
            {
                InterviewChange.Scheduled => ActivityKind.InterviewScheduled,
                InterviewChange.Rescheduled => ActivityKind.InterviewRescheduled,
                _ => ActivityKind.InterviewCancelled,
            },
            change switch
            {
                InterviewChange.Scheduled => $"{stageName} scheduled for {InterviewTimes.Format(interview.StartsAt, null)}",
                InterviewChange.Rescheduled => $"{stageName} moved to {InterviewTimes.Format(interview.StartsAt, null)}",
                _ => $"{stageName} cancelled",
            });
}

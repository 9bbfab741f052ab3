using NpgsqlTypes;
using T = NpgsqlTypes.NpgsqlDbType;

namespace HiringPlatform.Bench.Data;

internal sealed record UserRow(Guid Id, string DisplayName, string Email, string PasswordHash, string SecurityStamp, string TimeZoneId, DateTimeOffset CreatedAt);
internal sealed record UserRoleRow(Guid UserId, Guid RoleId);
internal sealed record PostingRow(
    Guid Id, string Title, string Level, string Team, string LocationType, string? Location, int? TzMin, int? TzMax,
    string EmploymentType, decimal SalaryMin, decimal SalaryMax, string Currency, bool SalaryIsPublic, int Headcount,
    string Status, string? ClosedReason, DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, DateTimeOffset CreatedAt);
internal sealed record PostingEventRow(Guid Id, Guid PostingId, DateTimeOffset At, Guid? ByUserId, string From, string To, string? Comment);
internal sealed record TeamMemberRow(Guid PostingId, Guid UserId, string Role);
internal sealed record ScreeningQuestionRow(Guid Id, Guid PostingId, int Order, string Key, string Text, string Kind, bool Required);
internal sealed record StageRow(Guid Id, Guid PostingId, int Order, string Name, string Kind, int DurationMinutes);
internal sealed record StageFocusRow(Guid StageId, Guid CompetencyId);
internal sealed record StageQuestionRow(Guid StageId, Guid QuestionId, int Order);
internal sealed record StageInterviewerRow(Guid StageId, Guid UserId);
internal sealed record RubricItemRow(Guid PostingId, Guid CompetencyId, decimal Weight, bool IsMustHave, int Order);
internal sealed record CandidateRow(
    Guid Id, string FullName, string Email, string? Phone, string? Location, string? TimeZoneId, string? LinkedInUrl,
    string? GitHubUrl, string Source, string? SourceDetail, string[] Tags, string ResumeText, DateTimeOffset? LastApplicationClosedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
internal sealed record NoteRow(Guid Id, Guid CandidateId, Guid? ApplicationId, Guid AuthorId, string Body, DateTimeOffset CreatedAt);
internal sealed record ApplicationRow(
    Guid Id, Guid CandidateId, Guid PostingId, Guid StageId, string Status, string Source, DateTimeOffset AppliedAt,
    DateTimeOffset StageEnteredAt, DateTimeOffset? ClosedAt, string? RejectionReason, Guid? RejectionCompetencyId, string? RejectionNote,
    string? CoverNote, DateTimeOffset ConsentedAt, decimal? WeightedScore, DateTimeOffset UpdatedAt);
internal sealed record ActivityRow(Guid Id, Guid CandidateId, Guid? ApplicationId, DateTimeOffset At, Guid? ActorId, string Kind, string Summary);
internal sealed record InterviewRow(Guid Id, Guid ApplicationId, Guid PostingId, Guid StageId, DateTimeOffset StartsAt, int DurationMinutes, string? Link, string Status, DateTimeOffset CreatedAt);
// ScheduledStartsAt (null when cancelled) and PendingFeedbackEndsAt (the interview's end while the interviewer owes a
// scorecard): the copies InterviewParticipant keeps for its indexes.
internal sealed record ParticipantRow(Guid InterviewId, Guid InterviewerId, DateTimeOffset? ScheduledStartsAt, DateTimeOffset? PendingFeedbackEndsAt);
internal sealed record ScorecardRow(
    Guid Id, Guid InterviewId, Guid ApplicationId, Guid InterviewerId, string Status, string? Recommendation, string? SupportedLevel,
    DateTimeOffset? SubmittedAt, DateTimeOffset CreatedAt);
internal sealed record RatingRow(Guid ScorecardId, Guid CompetencyId, Guid CompetencyVersionId, string CompetencyName, int Rating, string Evidence);
internal sealed record DecisionRow(Guid Id, Guid ApplicationId, Guid DecidedBy, string Kind, string Rationale, string? RejectionReason, DateTimeOffset At);

// The ONE place that knows the columns the generator writes (snake_case, as in the Initial migration).
// A schema change (say, a different search column on candidates) is a one-line change here.
internal static class Tables
{
    public static readonly TableSpec<UserRow> Users = new("AspNetUsers",
        Col.Of<UserRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<UserRow, string>("display_name", T.Text, r => r.DisplayName),
        Col.Of<UserRow, string>("time_zone_id", T.Text, r => r.TimeZoneId),
        Col.Of<UserRow, bool>("is_active", T.Boolean, _ => true),
        Col.Of<UserRow, DateTimeOffset>("created_at", T.TimestampTz, r => r.CreatedAt),
        Col.Of<UserRow, string>("user_name", T.Varchar, r => r.Email),
        Col.Of<UserRow, string>("normalized_user_name", T.Varchar, r => r.Email.ToUpperInvariant()),
        Col.Of<UserRow, string>("email", T.Varchar, r => r.Email),
        Col.Of<UserRow, string>("normalized_email", T.Varchar, r => r.Email.ToUpperInvariant()),
        Col.Of<UserRow, bool>("email_confirmed", T.Boolean, _ => true),
        Col.Of<UserRow, string>("password_hash", T.Text, r => r.PasswordHash),
        Col.Of<UserRow, string>("security_stamp", T.Text, r => r.SecurityStamp),
        Col.Of<UserRow, string>("concurrency_stamp", T.Text, r => r.SecurityStamp),
        Col.Of<UserRow, bool>("phone_number_confirmed", T.Boolean, _ => false),
        Col.Of<UserRow, bool>("two_factor_enabled", T.Boolean, _ => false),
        Col.Of<UserRow, bool>("lockout_enabled", T.Boolean, _ => true),
        Col.Of<UserRow, int>("access_failed_count", T.Integer, _ => 0));

    public static readonly TableSpec<UserRoleRow> UserRoles = new("AspNetUserRoles",
        Col.Of<UserRoleRow, Guid>("user_id", T.Uuid, r => r.UserId),
        Col.Of<UserRoleRow, Guid>("role_id", T.Uuid, r => r.RoleId));

    public static readonly TableSpec<PostingRow> Postings = new("job_postings",
        Col.Of<PostingRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<PostingRow, string>("title", T.Varchar, r => r.Title),
        Col.Of<PostingRow, string>("level", T.Varchar, r => r.Level),
        Col.Of<PostingRow, string>("team", T.Varchar, r => r.Team),
        Col.Of<PostingRow, string>("location_type", T.Varchar, r => r.LocationType),
        Col.Ref<PostingRow, string>("location", T.Varchar, r => r.Location),
        Col.Null<PostingRow, int>("time_zone_min_offset", T.Integer, r => r.TzMin),
        Col.Null<PostingRow, int>("time_zone_max_offset", T.Integer, r => r.TzMax),
        Col.Of<PostingRow, string>("employment_type", T.Varchar, r => r.EmploymentType),
        Col.Of<PostingRow, decimal>("salary_min", T.Numeric, r => r.SalaryMin),
        Col.Of<PostingRow, decimal>("salary_max", T.Numeric, r => r.SalaryMax),
        Col.Of<PostingRow, string>("salary_currency", T.Varchar, r => r.Currency),
        Col.Of<PostingRow, bool>("salary_is_public", T.Boolean, r => r.SalaryIsPublic),
        Col.Of<PostingRow, int>("headcount", T.Integer, r => r.Headcount),
        Col.Of<PostingRow, int>("filled_count", T.Integer, _ => 0),
        Col.Of<PostingRow, string>("description_markdown", T.Text, _ => Texts.About),
        Col.Of<PostingRow, string>("responsibilities_markdown", T.Text, _ => Texts.Responsibilities),
        Col.Of<PostingRow, string>("qualifications_markdown", T.Text, _ => Texts.Qualifications),
        Col.Of<PostingRow, string>("perks_markdown", T.Text, _ => Texts.Perks),
        Col.Of<PostingRow, string>("status", T.Varchar, r => r.Status),
        Col.Ref<PostingRow, string>("closed_reason", T.Varchar, r => r.ClosedReason),
        Col.Null<PostingRow, DateTimeOffset>("published_at", T.TimestampTz, r => r.PublishedAt),
        Col.Null<PostingRow, DateTimeOffset>("closed_at", T.TimestampTz, r => r.ClosedAt),
        Col.Ref<PostingRow, string>("template_name", T.Varchar, _ => Texts.TemplateName),
        Col.Of<PostingRow, DateTimeOffset>("created_at", T.TimestampTz, r => r.CreatedAt),
        Col.Of<PostingRow, DateTimeOffset>("updated_at", T.TimestampTz, r => r.ClosedAt ?? r.PublishedAt ?? r.CreatedAt));

    public static readonly TableSpec<PostingEventRow> PostingEvents = new("posting_events",
        Col.Of<PostingEventRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<PostingEventRow, Guid>("posting_id", T.Uuid, r => r.PostingId),
        Col.Of<PostingEventRow, DateTimeOffset>("at", T.TimestampTz, r => r.At),
        Col.Null<PostingEventRow, Guid>("by_user_id", T.Uuid, r => r.ByUserId),
        Col.Of<PostingEventRow, string>("from_status", T.Varchar, r => r.From),
        Col.Of<PostingEventRow, string>("to_status", T.Varchar, r => r.To),
        Col.Ref<PostingEventRow, string>("comment", T.Varchar, r => r.Comment));

    public static readonly TableSpec<TeamMemberRow> TeamMembers = new("posting_team_members",
        Col.Of<TeamMemberRow, Guid>("posting_id", T.Uuid, r => r.PostingId),
        Col.Of<TeamMemberRow, Guid>("user_id", T.Uuid, r => r.UserId),
        Col.Of<TeamMemberRow, string>("role", T.Varchar, r => r.Role));

    public static readonly TableSpec<ScreeningQuestionRow> ScreeningQuestions = new("screening_questions",
        Col.Of<ScreeningQuestionRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<ScreeningQuestionRow, Guid>("posting_id", T.Uuid, r => r.PostingId),
        Col.Of<ScreeningQuestionRow, int>("order", T.Integer, r => r.Order),
        Col.Of<ScreeningQuestionRow, string>("key", T.Varchar, r => r.Key),
        Col.Of<ScreeningQuestionRow, string>("text", T.Varchar, r => r.Text),
        Col.Of<ScreeningQuestionRow, string>("kind", T.Varchar, r => r.Kind),
        Col.Of<ScreeningQuestionRow, bool>("required", T.Boolean, r => r.Required));

    public static readonly TableSpec<StageRow> Stages = new("interview_stages",
        Col.Of<StageRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<StageRow, Guid>("posting_id", T.Uuid, r => r.PostingId),
        Col.Of<StageRow, int>("order", T.Integer, r => r.Order),
        Col.Of<StageRow, string>("name", T.Varchar, r => r.Name),
        Col.Of<StageRow, string>("kind", T.Varchar, r => r.Kind),
        Col.Of<StageRow, int>("duration_minutes", T.Integer, r => r.DurationMinutes));

    public static readonly TableSpec<StageFocusRow> StageFocus = new("stage_focus",
        Col.Of<StageFocusRow, Guid>("stage_id", T.Uuid, r => r.StageId),
        Col.Of<StageFocusRow, Guid>("competency_id", T.Uuid, r => r.CompetencyId));

    public static readonly TableSpec<StageQuestionRow> StageQuestions = new("stage_question",
        Col.Of<StageQuestionRow, Guid>("stage_id", T.Uuid, r => r.StageId),
        Col.Of<StageQuestionRow, Guid>("question_id", T.Uuid, r => r.QuestionId),
        Col.Of<StageQuestionRow, int>("order", T.Integer, r => r.Order));

    public static readonly TableSpec<StageInterviewerRow> StageInterviewers = new("stage_interviewer",
        Col.Of<StageInterviewerRow, Guid>("stage_id", T.Uuid, r => r.StageId),
        Col.Of<StageInterviewerRow, Guid>("user_id", T.Uuid, r => r.UserId));

    public static readonly TableSpec<RubricItemRow> RubricItems = new("rubric_items",
        Col.Of<RubricItemRow, Guid>("posting_id", T.Uuid, r => r.PostingId),
        Col.Of<RubricItemRow, Guid>("competency_id", T.Uuid, r => r.CompetencyId),
        Col.Of<RubricItemRow, decimal>("weight", T.Numeric, r => r.Weight),
        Col.Of<RubricItemRow, bool>("is_must_have", T.Boolean, r => r.IsMustHave),
        Col.Of<RubricItemRow, int>("order", T.Integer, r => r.Order));

    // search_vector is GENERATED ALWAYS ... STORED: PostgreSQL computes it from full_name and resume_text during COPY.
    public static readonly TableSpec<CandidateRow> Candidates = new("candidates",
        Col.Of<CandidateRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<CandidateRow, string>("full_name", T.Varchar, r => r.FullName),
        Col.Of<CandidateRow, string>("email", T.Varchar, r => r.Email),
        Col.Ref<CandidateRow, string>("phone", T.Varchar, r => r.Phone),
        Col.Ref<CandidateRow, string>("location", T.Varchar, r => r.Location),
        Col.Ref<CandidateRow, string>("time_zone_id", T.Varchar, r => r.TimeZoneId),
        Col.Ref<CandidateRow, string>("linked_in_url", T.Varchar, r => r.LinkedInUrl),
        Col.Ref<CandidateRow, string>("git_hub_url", T.Varchar, r => r.GitHubUrl),
        Col.Of<CandidateRow, string>("source", T.Varchar, r => r.Source),
        Col.Ref<CandidateRow, string>("source_detail", T.Varchar, r => r.SourceDetail),
        Col.Of<CandidateRow, string[]>("tags", T.Array | T.Text, r => r.Tags),
        Col.Ref<CandidateRow, string>("resume_text", T.Text, r => r.ResumeText),
        Col.Null<CandidateRow, DateTimeOffset>("last_application_closed_at", T.TimestampTz, r => r.LastApplicationClosedAt),
        Col.Of<CandidateRow, DateTimeOffset>("created_at", T.TimestampTz, r => r.CreatedAt),
        Col.Of<CandidateRow, DateTimeOffset>("updated_at", T.TimestampTz, r => r.UpdatedAt));

    public static readonly TableSpec<NoteRow> Notes = new("candidate_notes",
        Col.Of<NoteRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<NoteRow, Guid>("candidate_id", T.Uuid, r => r.CandidateId),
        Col.Null<NoteRow, Guid>("application_id", T.Uuid, r => r.ApplicationId),
        Col.Of<NoteRow, Guid>("author_id", T.Uuid, r => r.AuthorId),
        Col.Of<NoteRow, string>("body", T.Varchar, r => r.Body),
        Col.Of<NoteRow, DateTimeOffset>("created_at", T.TimestampTz, r => r.CreatedAt),
        Col.Of<NoteRow, DateTimeOffset>("updated_at", T.TimestampTz, r => r.CreatedAt));

    public static readonly TableSpec<ApplicationRow> Applications = new("applications",
        Col.Of<ApplicationRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<ApplicationRow, Guid>("candidate_id", T.Uuid, r => r.CandidateId),
        Col.Of<ApplicationRow, Guid>("posting_id", T.Uuid, r => r.PostingId),
        Col.Of<ApplicationRow, Guid>("stage_id", T.Uuid, r => r.StageId),
        Col.Of<ApplicationRow, string>("status", T.Varchar, r => r.Status),
        Col.Of<ApplicationRow, string>("source", T.Varchar, r => r.Source),
        Col.Of<ApplicationRow, DateTimeOffset>("applied_at", T.TimestampTz, r => r.AppliedAt),
        Col.Of<ApplicationRow, DateTimeOffset>("stage_entered_at", T.TimestampTz, r => r.StageEnteredAt),
        Col.Null<ApplicationRow, DateTimeOffset>("closed_at", T.TimestampTz, r => r.ClosedAt),
        Col.Ref<ApplicationRow, string>("rejection_reason", T.Varchar, r => r.RejectionReason),
        Col.Null<ApplicationRow, Guid>("rejection_competency_id", T.Uuid, r => r.RejectionCompetencyId),
        Col.Ref<ApplicationRow, string>("rejection_note", T.Varchar, r => r.RejectionNote),
        Col.Ref<ApplicationRow, string>("cover_note", T.Varchar, r => r.CoverNote),
        Col.Of<ApplicationRow, DateTimeOffset>("consented_at", T.TimestampTz, r => r.ConsentedAt),
        Col.Of<ApplicationRow, int>("consent_retention_months", T.Integer, _ => 24),
        Col.Null<ApplicationRow, decimal>("weighted_score", T.Numeric, r => r.WeightedScore),
        Col.Of<ApplicationRow, DateTimeOffset>("created_at", T.TimestampTz, r => r.AppliedAt),
        Col.Of<ApplicationRow, DateTimeOffset>("updated_at", T.TimestampTz, r => r.UpdatedAt));

    public static readonly TableSpec<ActivityRow> Activity = new("activity_events",
        Col.Of<ActivityRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<ActivityRow, Guid>("candidate_id", T.Uuid, r => r.CandidateId),
        Col.Null<ActivityRow, Guid>("application_id", T.Uuid, r => r.ApplicationId),
        Col.Of<ActivityRow, DateTimeOffset>("at", T.TimestampTz, r => r.At),
        Col.Null<ActivityRow, Guid>("actor_id", T.Uuid, r => r.ActorId),
        Col.Of<ActivityRow, string>("kind", T.Varchar, r => r.Kind),
        Col.Of<ActivityRow, string>("summary", T.Varchar, r => r.Summary));

    public static readonly TableSpec<InterviewRow> Interviews = new("interviews",
        Col.Of<InterviewRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<InterviewRow, Guid>("application_id", T.Uuid, r => r.ApplicationId),
        Col.Of<InterviewRow, Guid>("posting_id", T.Uuid, r => r.PostingId),
        Col.Of<InterviewRow, Guid>("stage_id", T.Uuid, r => r.StageId),
        Col.Of<InterviewRow, DateTimeOffset>("starts_at", T.TimestampTz, r => r.StartsAt),
        Col.Of<InterviewRow, int>("duration_minutes", T.Integer, r => r.DurationMinutes),
        Col.Of<InterviewRow, DateTimeOffset>("ends_at", T.TimestampTz, r => r.StartsAt.AddMinutes(r.DurationMinutes)),
        Col.Of<InterviewRow, int>("calendar_sequence", T.Integer, _ => 0),
        Col.Ref<InterviewRow, string>("location_or_link", T.Varchar, r => r.Link),
        Col.Of<InterviewRow, string>("status", T.Varchar, r => r.Status),
        Col.Of<InterviewRow, DateTimeOffset>("created_at", T.TimestampTz, r => r.CreatedAt),
        Col.Of<InterviewRow, DateTimeOffset>("updated_at", T.TimestampTz, r => r.CreatedAt));

    public static readonly TableSpec<ParticipantRow> Participants = new("interview_participants",
        Col.Of<ParticipantRow, Guid>("interview_id", T.Uuid, r => r.InterviewId),
        Col.Of<ParticipantRow, Guid>("interviewer_id", T.Uuid, r => r.InterviewerId),
        Col.Null<ParticipantRow, DateTimeOffset>("scheduled_starts_at", T.TimestampTz, r => r.ScheduledStartsAt),
        Col.Null<ParticipantRow, DateTimeOffset>("pending_feedback_ends_at", T.TimestampTz, r => r.PendingFeedbackEndsAt));

    public static readonly TableSpec<ScorecardRow> Scorecards = new("scorecards",
        Col.Of<ScorecardRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<ScorecardRow, Guid>("interview_id", T.Uuid, r => r.InterviewId),
        Col.Of<ScorecardRow, Guid>("application_id", T.Uuid, r => r.ApplicationId),
        Col.Of<ScorecardRow, Guid>("interviewer_id", T.Uuid, r => r.InterviewerId),
        Col.Of<ScorecardRow, string>("status", T.Varchar, r => r.Status),
        Col.Ref<ScorecardRow, string>("recommendation", T.Varchar, r => r.Recommendation),
        Col.Ref<ScorecardRow, string>("supported_level", T.Varchar, r => r.SupportedLevel),
        Col.Null<ScorecardRow, DateTimeOffset>("submitted_at", T.TimestampTz, r => r.SubmittedAt),
        Col.Of<ScorecardRow, DateTimeOffset>("created_at", T.TimestampTz, r => r.CreatedAt),
        Col.Of<ScorecardRow, DateTimeOffset>("updated_at", T.TimestampTz, r => r.SubmittedAt ?? r.CreatedAt));

    public static readonly TableSpec<RatingRow> Ratings = new("scorecard_ratings",
        Col.Of<RatingRow, Guid>("scorecard_id", T.Uuid, r => r.ScorecardId),
        Col.Of<RatingRow, Guid>("competency_id", T.Uuid, r => r.CompetencyId),
        Col.Of<RatingRow, Guid>("competency_version_id", T.Uuid, r => r.CompetencyVersionId),
        Col.Of<RatingRow, string>("competency_name", T.Varchar, r => r.CompetencyName),
        Col.Of<RatingRow, int>("rating", T.Integer, r => r.Rating),
        Col.Of<RatingRow, string>("evidence", T.Varchar, r => r.Evidence));

    public static readonly TableSpec<DecisionRow> Decisions = new("decisions",
        Col.Of<DecisionRow, Guid>("id", T.Uuid, r => r.Id),
        Col.Of<DecisionRow, Guid>("application_id", T.Uuid, r => r.ApplicationId),
        Col.Of<DecisionRow, Guid>("decided_by", T.Uuid, r => r.DecidedBy),
        Col.Of<DecisionRow, string>("kind", T.Varchar, r => r.Kind),
        Col.Of<DecisionRow, string>("rationale", T.Varchar, r => r.Rationale),
        Col.Ref<DecisionRow, string>("rejection_reason", T.Varchar, r => r.RejectionReason),
        Col.Of<DecisionRow, DateTimeOffset>("at", T.TimestampTz, r => r.At));

    // Every table the generator writes (and whose secondary indexes it drops and rebuilds).
    public static readonly string[] All =
    [
        Users.Name, UserRoles.Name, Postings.Name, PostingEvents.Name, TeamMembers.Name, ScreeningQuestions.Name, Stages.Name,
        StageFocus.Name, StageQuestions.Name, StageInterviewers.Name, RubricItems.Name, Candidates.Name, Notes.Name,
        Applications.Name, Activity.Name, Interviews.Name, Participants.Name, Scorecards.Name, Ratings.Name, Decisions.Name,
    ];
}

internal static class Texts
{
    public const string TemplateName = HiringPlatform.Application.Domain.Templates.SeniorBackendEngineerTemplate.Name;
    public static readonly string About = HiringPlatform.Application.Domain.Templates.SeniorBackendEngineerTemplate.AboutMarkdown;
    public static readonly string Responsibilities = HiringPlatform.Application.Domain.Templates.SeniorBackendEngineerTemplate.ResponsibilitiesMarkdown;
    public static readonly string Qualifications = HiringPlatform.Application.Domain.Templates.SeniorBackendEngineerTemplate.QualificationsMarkdown;
    public static readonly string Perks = HiringPlatform.Application.Domain.Templates.SeniorBackendEngineerTemplate.PerksMarkdown;
}

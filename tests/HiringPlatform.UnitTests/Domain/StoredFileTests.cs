using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Rubrics;

namespace HiringPlatform.UnitTests.Domain;

public sealed class StoredFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_await_text_extraction_once_uploaded()
    {
        var candidate = Guid.NewGuid();
        var file = new StoredFile(candidate, FileKind.Resume, "cv.pdf", "application/pdf", 12_345, "files/abc", Now);
        Assert.Equal((candidate, FileKind.Resume, "cv.pdf", "application/pdf", 12_345L, "files/abc", Now),
            (file.CandidateId, file.Kind, file.FileName, file.ContentType, file.SizeBytes, file.StorageKey, file.UploadedAt));
        Assert.Equal(ExtractionStatus.Pending, file.Extraction);
        Assert.Equal(0, file.ExtractionAttempts);
        Assert.Null(file.ExtractionFailure);
    }

    [Fact]
    public void Should_keep_the_timeline_note_and_the_stored_bytes_as_written()
    {
        var (candidate, application, author) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var note = new CandidateNote(candidate, application, author, "Strong on SQL");
        Assert.Equal((candidate, (Guid?)application, author, "Strong on SQL"), (note.CandidateId, note.ApplicationId, note.AuthorId, note.Body));
        var activity = new ActivityEvent(candidate, null, Now, author, ActivityKind.Moved, "Moved to Onsite");
        Assert.Equal((candidate, (Guid?)null, Now, (Guid?)author, ActivityKind.Moved, "Moved to Onsite"),
            (activity.CandidateId, activity.ApplicationId, activity.At, activity.ActorId, activity.Kind, activity.Summary));
        var content = new FileContent("files/abc", [1, 2]);
        Assert.Equal(("files/abc", 2), (content.Key, content.Data.Length));
        var setting = new AppSetting(SettingKeys.RetentionMonths, "24");
        Assert.Equal((SettingKeys.RetentionMonths, "24"), (setting.Key, setting.Value));
        var flag = new RedFlag("rude", "Rude to the coordinator");
        Assert.Equal(("rude", "Rude to the coordinator", false), (flag.Key, flag.Text, flag.IsRetired));
        var question = new Question("q", "Text", "Good", "Bad");
        Assert.Equal(("q", "Text", "Good", "Bad"), (question.Key, question.Text, question.GoodLooksLike, question.RedFlags));
    }

    [Fact]
    public void Should_keep_an_idempotent_outcome_for_a_week()
    {
        var (key, user) = (Guid.NewGuid(), Guid.NewGuid());
        var record = new IdempotencyRecord(key, "ApplyToPosting", user, Now, "{\"id\":1}");
        Assert.Equal((key, "ApplyToPosting", (Guid?)user, Now, "{\"id\":1}"), (record.Key, record.RequestName, record.UserId, record.CreatedAt, record.Response));
        Assert.Equal(TimeSpan.FromDays(7), IdempotencyRecord.KeptFor);
    }
}

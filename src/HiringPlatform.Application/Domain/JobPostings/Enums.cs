namespace HiringPlatform.Application.Domain.JobPostings;

public enum JobLevel { Mid, Senior, Lead, Staff, Principal }

public enum LocationType { Remote, Hybrid, OnSite }

public enum EmploymentType { FullTime, PartTime, Contract }

public enum PostingStatus { Draft, AwaitingApproval, Open, Paused, Closed }

public enum ClosedReason { Filled, Cancelled }

public enum TeamRole { Recruiter, HiringManager, Interviewer }

public enum ScreeningAnswerKind { YesNo, ShortText, LongText, Salary }

public static class JobPostingText
{
    public static string Display(this JobLevel level) => level.ToString();

    public static string Display(this LocationType type) => type switch
    {
        LocationType.OnSite => "On-site",
        _ => type.ToString(),
    };

    public static string Display(this EmploymentType type) => type switch
    {
        EmploymentType.FullTime => "Full-time",
        EmploymentType.PartTime => "Part-time",
        _ => type.ToString(),
    };

    public static string Display(this PostingStatus status) => status switch
    {
        PostingStatus.AwaitingApproval => "Awaiting approval",
        _ => status.ToString(),
    };
}

using System.Text.Json.Nodes;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Application.Features.Careers.Shared;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Features.Careers;

// The public careers site: open jobs, a page per job, the application form, the job-board feed, and the
// candidate's private status page. Anonymous by design; everything not open answers 404.
[AllowAnonymous]
[Route("careers")]
public sealed class CareersController(ISender sender, IOptions<CareersOptions> options, IAppUrls urls) : Controller
{
    public const string ApplyFormKey = "ApplyForm";

    // Room for a résumé just over the limit to reach validation and get a proper message.
    private const long MaxRequestBytes = 12 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(ListOpenPostings.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("feed.json")]
    public async Task<IActionResult> Feed(CancellationToken ct)
    {
        var jobs = await sender.Send(new GetJobFeed.Query(), ct);
        var settings = options.Value;
        var feed = new JsonObject
        {
            ["organization"] = settings.CompanyName,
            ["url"] = urls.Absolute("/careers"),
            ["count"] = jobs.Count,
            ["jobs"] = new JsonArray(jobs.Select(job =>
            {
                var item = JobPostingSchema.Build(job, settings, urls);
                item["applyUrl"] = urls.Absolute($"/careers/{job.Id}/apply");
                item["team"] = job.Team;
                item["level"] = job.Level.ToString();
                return (JsonNode?)item;
            }).ToArray()),
        };
        Response.Headers.CacheControl = "public, max-age=300";
        return Content(JobPostingSchema.Serialize(feed), "application/json; charset=utf-8");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Posting(Guid id, CancellationToken ct) =>
        View(await sender.Send(new GetCareersPosting.Query(id), ct));

    [HttpGet("{id:guid}/apply")]
    public async Task<IActionResult> Apply(Guid id, CancellationToken ct)
    {
        var form = await sender.Send(new GetApplyForm.Query(id), ct);
        if (!form.IsOpen) return NotFound();
        ViewData[ApplyFormKey] = form;
        return View(Aligned(new ApplyToPosting.Command { PostingId = id }, form));
    }

    [HttpPost("{id:guid}/apply")]
    [ApplyRateLimited]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    [ComposedForm]
    public async Task<IActionResult> Apply(Guid id, ApplyToPosting.Command command, IFormFile? resumeFile, CancellationToken ct)
    {
        command = command with { PostingId = id, Resume = await ReadAsync(resumeFile, ct) };
        return await this.SendFormAsync(sender, command,
            result => result.Outcome == ApplyToPosting.Outcome.AlreadyApplied
                ? RedirectToAction(nameof(Applied), new { id, already = true })
                : RedirectToAction(nameof(Applied), new { id }),
            async () =>
            {
                var form = await sender.Send(new GetApplyForm.Query(id), ct);
                if (!form.IsOpen)
                {
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return View("Closed", form);
                }
                ViewData[ApplyFormKey] = form;
                return View(Aligned(command, form));
            }, ct);
    }

    [HttpGet("{id:guid}/applied")]
    public async Task<IActionResult> Applied(Guid id, bool already, CancellationToken ct) =>
        View(new AppliedPage(await sender.Send(new GetApplyForm.Query(id), ct), already));

    [HttpGet("my-application/{token}")]
    public async Task<IActionResult> MyApplication(string token, CancellationToken ct)
    {
        var model = await sender.Send(new GetMyApplication.Query(token), ct);
        if (model is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("LinkInvalid");
        }
        return View(model);
    }

    [HttpPost("my-application/{token}/withdraw")]
    [ComposedForm]
    public async Task<IActionResult> Withdraw(string token, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, new WithdrawMyApplication.Command(token),
            _ => this.Done("Your application has been withdrawn. We have emailed you a confirmation.", RedirectToAction(nameof(MyApplication), new { token })),
            async () =>
            {
                var model = await sender.Send(new GetMyApplication.Query(token), ct);
                if (model is not null) return View(nameof(MyApplication), model);
                Response.StatusCode = StatusCodes.Status404NotFound;
                return View("LinkInvalid");
            }, ct);
    }

    // One answer per question, in the question order, so field names and error keys line up (Answers[i]).
    private static ApplyToPosting.Command Aligned(ApplyToPosting.Command command, GetApplyForm.Model form) => command with
    {
        Answers = form.Questions
            .Select(q => command.Answers.FirstOrDefault(a => a.QuestionId == q.Id) ?? new ApplyToPosting.AnswerInput { QuestionId = q.Id })
            .ToList(),
    };

    // Files over the limit are not read at all: the validator only needs their length to refuse them.
    private static async Task<UploadedFile?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return null;
        if (file.Length > ResumeFile.MaxBytes) return new UploadedFile(file.FileName, file.ContentType, file.Length, []);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new UploadedFile(file.FileName, file.ContentType, buffer.Length, buffer.ToArray());
    }
}

// The confirmation after applying; Already when this email had applied before (nothing new was stored).
public sealed record AppliedPage(GetApplyForm.Model Posting, bool Already);

using System.Text.Json;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates;

// Candidates: search, profiles, adding and editing, notes, tags, duplicates and merging, export and erasure.
// The pipeline board and the retention list have controllers of their own in this folder.
// Every staff role reaches the controller (an interviewer may follow a candidate link to their kit);
// the actions narrow it down, and the handlers decide per candidate.
[Authorize(Policy = Policies.Interviewer)]
public sealed class CandidatesController(ISender sender) : Controller
{
    [Authorize(Policy = Policies.HiringTeam)]
    [HttpGet("/candidates")]
    public async Task<IActionResult> Index(SearchCandidates.Query query, CancellationToken ct) =>
        View(await sender.Send(query with { TimeZoneId = TimeDisplay.ZoneOf(User).Id }, ct));

    [HttpGet("/candidates/{id:guid}")]
    public async Task<IActionResult> Profile(Guid id, string? before, CancellationToken ct)
    {
        var model = await sender.Send(new GetCandidateProfile.Query { CandidateId = id, Before = before }, ct);
        if (model.MergedIntoId is { } survivor)
        {
            TempData["Flash"] = $"{model.FullName}'s profile was merged into this one.";
            return Redirect($"/candidates/{survivor}");
        }
        if (model.Restricted)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View("Restricted", model);
        }
        return View("Profile", model);
    }

    // Forms inside the profile (notes, tags, résumé, postings, erasure) show it again with their errors.
    private async Task<IActionResult> ProfileAgain(Guid id, CancellationToken ct) =>
        View(nameof(Profile), await sender.Send(new GetCandidateProfile.Query { CandidateId = id }, ct));

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpGet("/candidates/new")]
    public IActionResult New(Guid? postingId) => View(new AddCandidate.Command { PostingId = postingId });

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/new")]
    [RequestSizeLimit(ResumeFile.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ResumeFile.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> New(AddCandidate.Command command, IFormFile? resume, CancellationToken ct)
    {
        var id = await sender.Send(command with
        {
            ResumeFileName = resume?.FileName,
            ResumeSize = resume?.Length ?? 0,
            ResumeContent = await ReadAsync(resume, ct),
        }, ct);
        TempData["Flash"] = $"{command.FullName} was added.";
        return Redirect($"/candidates/{id}");
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpGet("/candidates/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        View(await sender.Send(new EditCandidate.Query { CandidateId = id }, ct));

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, EditCandidate.Command command, CancellationToken ct)
    {
        await sender.Send(command with { CandidateId = id }, ct);
        TempData["Flash"] = "Contact details saved.";
        return Redirect($"/candidates/{id}");
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/notes")]
    [ComposedForm]
    public async Task<IActionResult> AddNote(Guid id, AddCandidateNote.Command command, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, command with { CandidateId = id },
            _ => this.Done("Note added.", Redirect($"/candidates/{id}#notes")), () => ProfileAgain(id, ct), ct);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/notes/{noteId:guid}/edit")]
    [ComposedForm]
    public async Task<IActionResult> EditNote(Guid noteId, EditCandidateNote.Command command, Guid candidateId, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, command with { NoteId = noteId },
            id => this.Done("Note updated.", Redirect($"/candidates/{id}#notes")), () => ProfileAgain(candidateId, ct), ct);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/notes/{noteId:guid}/delete")]
    public async Task<IActionResult> DeleteNote(Guid noteId, CancellationToken ct)
    {
        var id = await sender.Send(new DeleteCandidateNote.Command { NoteId = noteId }, ct);
        TempData["Flash"] = "Note deleted.";
        return Redirect($"/candidates/{id}#notes");
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/tags")]
    [ComposedForm]
    public async Task<IActionResult> AddTag(Guid id, TagCandidate.Command command, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, command with { CandidateId = id, Remove = false },
            _ => Redirect($"/candidates/{id}#tags"), () => ProfileAgain(id, ct), ct);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/tags/remove")]
    [ComposedForm]
    public async Task<IActionResult> RemoveTag(Guid id, TagCandidate.Command command, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, command with { CandidateId = id, Remove = true },
            _ => Redirect($"/candidates/{id}#tags"), () => ProfileAgain(id, ct), ct);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/applications")]
    [ComposedForm]
    public async Task<IActionResult> Attach(Guid id, AttachToPosting.Command command, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, command with { CandidateId = id },
            _ => this.Done("Added to the posting's first stage.", Redirect($"/candidates/{id}#applications")), () => ProfileAgain(id, ct), ct);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/resume")]
    [ComposedForm]
    [RequestSizeLimit(ResumeFile.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ResumeFile.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> UploadResume(Guid id, IFormFile? resume, CancellationToken ct)
    {
        var command = new UploadResume.Command
        {
            CandidateId = id, ResumeFileName = resume?.FileName, ResumeSize = resume?.Length ?? 0, ResumeContent = await ReadAsync(resume, ct),
        };
        return await this.SendFormAsync(sender, command,
            _ => this.Done("Résumé uploaded. Its text will be searchable in a moment.", Redirect($"/candidates/{id}")), () => ProfileAgain(id, ct), ct);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/duplicates/{pairId:guid}/dismiss")]
    public async Task<IActionResult> Dismiss(Guid pairId, Guid candidateId, CancellationToken ct)
    {
        await sender.Send(new DismissDuplicate.Command { DuplicateId = pairId }, ct);
        TempData["Flash"] = "Marked as not a duplicate.";
        return Redirect($"/candidates/{candidateId}");
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpGet("/candidates/{id:guid}/merge/{otherId:guid}")]
    public async Task<IActionResult> Merge(Guid id, Guid otherId, CancellationToken ct) =>
        View(await sender.Send(new GetMergePreview.Query { CandidateId = id, OtherId = otherId }, ct));

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/merge/{otherId:guid}")]
    [ComposedForm]
    public async Task<IActionResult> Merge(Guid id, Guid otherId, Guid survivorId, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, new MergeCandidates.Command { CandidateId = id, OtherId = otherId, SurvivorId = survivorId },
            merged => this.Done($"Profiles merged: {MergeCandidates.Describe(merged.ApplicationsMoved, merged.ApplicationsCombined)}.", Redirect($"/candidates/{merged.SurvivorId}")),
            async () => View(await sender.Send(new GetMergePreview.Query { CandidateId = id, OtherId = otherId }, ct)), ct);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/candidates/{id:guid}/export")]
    public async Task<IActionResult> Export(Guid id, CancellationToken ct)
    {
        var export = await sender.Send(new ExportCandidate.Command { CandidateId = id }, ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return File(json, "application/json", $"candidate-{id}-{export.ExportedAt:yyyyMMdd}.json");
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpPost("/candidates/{id:guid}/erase")]
    [ComposedForm]
    public async Task<IActionResult> Erase(Guid id, bool confirm, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, new EraseCandidate.Command { CandidateId = id, Confirm = confirm },
            _ => this.Done("The candidate's personal data was erased.", Redirect($"/candidates/{id}")), () => ProfileAgain(id, ct), ct);
    }

    // Reads at most the limit (plus one byte, so the validator can say "too large" instead of failing the request).
    private static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > ResumeFile.MaxBytes) return null;
        using var stream = new MemoryStream((int)file.Length);
        await file.CopyToAsync(stream, ct);
        return stream.ToArray();
    }
}

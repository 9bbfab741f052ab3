using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates;

// Résumé downloads. Always an attachment with one of our own content types, never rendered inline by the
// browser, so an uploaded file cannot run as a page of this site. Who may download is decided in the handler.
[Authorize(Policy = Policies.Staff)]
public sealed class FilesController(ISender sender) : Controller
{
    [HttpGet("/files/{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct)
    {
        var file = await sender.Send(new DownloadResume.Query(id), ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}

using System.Text;
using HiringPlatform.ResumeExtractor;

// One résumé per process (ADR-0014): `dotnet exec HiringPlatform.ResumeExtractor.dll pdf|docx`, the file's bytes on
// stdin, the text (UTF-8) on stdout, and the outcome as the exit code. The web app starts this with a wall-clock
// limit, a GC heap limit and an OS memory limit; whatever a hostile file does here, only this process dies.
const int maxInputBytes = 16 * 1024 * 1024;

if (args.Length != 1 || args[0] is not (ResumeParser.Pdf or ResumeParser.Docx))
{
    await Console.Error.WriteLineAsync("usage: HiringPlatform.ResumeExtractor pdf|docx < file");
    return 64;
}

byte[] content;
await using (var stdin = Console.OpenStandardInput())
using (var buffer = new MemoryStream())
{
    var chunk = new byte[81920];
    int read;
    while ((read = await stdin.ReadAsync(chunk)) > 0)
    {
        if (buffer.Length + read > maxInputBytes) return (int)ParseOutcome.TooLarge;
        buffer.Write(chunk, 0, read);
    }
    content = buffer.ToArray();
}

var result = ResumeParser.Parse(content, args[0]);
if (result.Text is not null)
{
    await using var stdout = Console.OpenStandardOutput();
    await stdout.WriteAsync(new UTF8Encoding(false).GetBytes(result.Text));
}
return (int)result.Outcome;

using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>
/// Files chosen in a page's form (portal request, agent reply), handed one by one to the same upload use case the API uses
/// (size limit, content sniffing, archive checks), giving the tokens a message takes.
/// </summary>
public sealed class FormUploads(CreateUpload create)
{
    /// <summary>Files per message from a form; the whole form is also capped by <see cref="RequestBytes"/>.</summary>
    public const int MaxFiles = 5;

    /// <summary>The largest form a page with files accepts (Kestrel's default would be 30 MB).</summary>
    public const long RequestBytes = 128L * 1024 * 1024;

    public async Task<Result<string[]>> ExecuteAsync(IEnumerable<IFormFile> files, string field, Actor actor, CancellationToken ct)
    {
        // A file input left empty still sends a part, with no name and no bytes.
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count > MaxFiles) return ValidationError.For(field, $"Attach at most {MaxFiles} files.");
        var tokens = new List<string>();
        foreach (var file in chosen)
        {
            await using var content = file.OpenReadStream();
            var upload = await create.ExecuteAsync(content, file.ContentType, file.FileName, actor, ct);
            if (!upload.Succeeded) return ValidationError.For(field, $"{AttachmentFileName.Sanitise(file.FileName, "A file")}: {Describe(upload.Error!)}");
            tokens.Add(upload.Value!.Token);
        }
        return tokens.ToArray();
    }

    private static string Describe(Error error) => error is ValidationError invalid
        ? string.Join(" ", invalid.Errors.SelectMany(e => e.Value))
        : error.Detail;
}

using Microsoft.Extensions.Options;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>Section "Rapport:Attachments": where attachment bytes are kept and how large one file may be.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Rapport:Attachments";
    public const long DefaultMaxBytes = 25 * 1024 * 1024;
    /// <summary>Two gibibytes: beyond this a helpdesk is the wrong place for the file.</summary>
    public const long LargestMaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The directory for attachment files, relative to the current directory unless absolute.</summary>
    public string Path { get; set; } = "data/attachments";

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    public string FullPath => System.IO.Path.GetFullPath(Path);
}

/// <summary>Checked when the server starts, so a bad setting stops it with a message naming the setting.</summary>
internal sealed class AttachmentOptionsValidator : IValidateOptions<AttachmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AttachmentOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
            failures.Add($"{AttachmentOptions.Section}:Path (Rapport__Attachments__Path) must name a directory.");
        else if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
            failures.Add($"{AttachmentOptions.Section}:Path (Rapport__Attachments__Path) is '{options.Path}', which is not a valid path.");
        if (options.MaxBytes is < 1 or > AttachmentOptions.LargestMaxBytes)
            failures.Add($"{AttachmentOptions.Section}:MaxBytes (Rapport__Attachments__MaxBytes) is {options.MaxBytes}; " +
                $"use a number of bytes from 1 to {AttachmentOptions.LargestMaxBytes}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

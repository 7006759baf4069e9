using Microsoft.Extensions.Options;

namespace Rapport.Features.Email.Intake;

/// <summary>Section "Rapport:Email:Intake": limits on received mail and the folder Rapport watches for .eml files.</summary>
public sealed class EmailIntakeOptions
{
    public const string Section = "Rapport:Email:Intake";

    /// <summary>The largest message accepted, in bytes (25 MiB by default, like most mail providers).</summary>
    public long MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>A directory watched for .eml files; processed files go to done/, failures to failed/. Empty: no folder drop.</summary>
    public string? DropFolder { get; set; }

    /// <summary>How often the drop folder is looked at, in seconds.</summary>
    public int DropFolderSeconds { get; set; } = 5;

    /// <summary>A reply without a thread reference or ticket token joins the sender's open ticket with the same subject from these last days.</summary>
    public int SubjectMatchDays { get; set; } = 14;

    /// <summary>At most this many messages from one sender in <see cref="SenderWindowMinutes"/>; more wait in the unprocessable list.</summary>
    public int SenderLimit { get; set; } = 20;

    public int SenderWindowMinutes { get; set; } = 10;
}

internal sealed class EmailIntakeOptionsValidator : IValidateOptions<EmailIntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailIntakeOptions options)
    {
        var failures = new List<string>();
        void Check(bool ok, string setting, string text)
        {
            if (!ok) failures.Add($"{EmailIntakeOptions.Section}:{setting} (Rapport__Email__Intake__{setting}) {text}");
        }
        Check(options.MaxMessageBytes is >= 1024 and <= 1024L * 1024 * 1024, nameof(options.MaxMessageBytes), "must be from 1024 bytes to 1 GiB.");
        Check(options.DropFolderSeconds is >= 1 and <= 3600, nameof(options.DropFolderSeconds), "must be from 1 to 3600 seconds.");
        Check(options.SubjectMatchDays is >= 0 and <= 365, nameof(options.SubjectMatchDays), "must be from 0 to 365 days.");
        Check(options.SenderLimit is >= 1 and <= 100_000, nameof(options.SenderLimit), "must be from 1 to 100000.");
        Check(options.SenderWindowMinutes is >= 1 and <= 1440, nameof(options.SenderWindowMinutes), "must be from 1 to 1440 minutes.");
        Check(options.DropFolder is null || options.DropFolder.IndexOfAny(Path.GetInvalidPathChars()) < 0, nameof(options.DropFolder), "is not a valid path.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

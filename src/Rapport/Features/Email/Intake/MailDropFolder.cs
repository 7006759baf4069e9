using Microsoft.Extensions.Options;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// The folder drop: .eml files put in the configured directory (write them elsewhere and move them in, so a file is
/// whole when it appears) are received like any other way in; then moved to done/, or to failed/ with a .reason file.
/// </summary>
public sealed class MailDropFolder(IServiceScopeFactory scopes, IOptions<EmailIntakeOptions> options, ILogger<MailDropFolder> log)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (options.Value.DropFolder is not { Length: > 0 } folder || !Directory.Exists(folder)) return 0;
        var done = Directory.CreateDirectory(Path.Combine(folder, "done")).FullName;
        var failed = Directory.CreateDirectory(Path.Combine(folder, "failed")).FullName;
        var count = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            string? refusal;
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                var received = await scope.ServiceProvider.GetRequiredService<ReceiveMail>().ExecuteAsync(file, MailIntakeVia.Folder, null, ct);
                refusal = received.Succeeded ? null : received.Error!.Describe();
                if (received.Succeeded) await MailIntakeApi.ReceiptAsync(received.Value!, scope.ServiceProvider.GetRequiredService<ProcessInboundMail>(), ct);
            }
            var name = Path.GetFileName(path);
            if (refusal is null) File.Move(path, Unique(Path.Combine(done, name)));
            else
            {
                var target = Unique(Path.Combine(failed, name));
                File.Move(path, target);
                await File.WriteAllTextAsync(target + ".reason", refusal + Environment.NewLine, ct);
                log.LogWarning("The dropped message {File} was refused: {Reason}", name, refusal);
            }
            count++;
        }
        return count;
    }

    /// <summary>A name not yet taken in the target folder: the same file name may be dropped again later.</summary>
    private static string Unique(string path)
    {
        if (!File.Exists(path)) return path;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        return $"{stem}-{Guid.NewGuid():N}{Path.GetExtension(path)}";
    }
}

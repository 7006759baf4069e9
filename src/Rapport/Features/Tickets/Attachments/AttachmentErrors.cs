using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Attachments;

public sealed record UploadTooLarge(long MaxBytes) : Error(StatusCodes.Status413PayloadTooLarge, "Request too large",
    $"The file is larger than the {MaxBytes} bytes Rapport accepts.");

public sealed record AttachmentRefused(string Reason) : Error(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", Reason);

public sealed record AttachmentNotFound(long Number, long Id) : Error(StatusCodes.Status404NotFound, "Not found",
    $"Attachment {Id} of ticket #{Number} does not exist or is not visible to you.");

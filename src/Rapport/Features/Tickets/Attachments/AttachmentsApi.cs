using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Attachments;

public static class AttachmentsApi
{
    /// <summary>Room for multipart boundaries and part headers around the file itself.</summary>
    private const long MultipartAllowance = 64 * 1024;

    public static IHostApplicationBuilder AddAttachments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttachmentOptions>, AttachmentOptionsValidator>();
        services.AddSingleton<AttachmentStore>()
            .AddScoped<CreateUpload>()
            .AddScoped<FormUploads>()
            .AddScoped<AttachUploads>()
            .AddScoped<ReadAttachment>()
            .AddScoped<DeleteStaleUploads>()
            .AddHostedService<StaleUploadSweeper>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes;
        var api = app.MapGroup("/api/v1").WithTags("Attachments").RequireAuthorization(Policies.Anyone);
        api.MapPost("/uploads", UploadAsync).WithName("CreateUpload")
            .WithSummary("Upload a file to attach to a message: the raw body with ?filename=, or multipart/form-data with a \"file\" field")
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + MultipartAllowance));
        api.MapGet("/tickets/{number:long}/attachments/{id:long}", DownloadAsync).WithName("GetAttachment")
            .WithSummary("Download a file attached to a message of the ticket");
        return app;
    }

    private static async Task<Results<Created<UploadDto>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, CreateUpload create, IOptions<AttachmentOptions> options, CancellationToken ct, string? filename = null)
    {
        var actor = Actor.FromPrincipal(request.HttpContext.User);
        var multipart = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var largest = options.Value.MaxBytes + (multipart ? MultipartAllowance : 0);
        if (request.ContentLength > largest) return new UploadTooLarge(options.Value.MaxBytes).ToProblem();

        var uploaded = multipart
            ? await FromMultipartAsync(request, type!, filename, create, actor, ct)
            : await create.ExecuteAsync(request.Body, request.ContentType, filename, actor, ct);
        return uploaded.Succeeded ? TypedResults.Created((string?)null, uploaded.Value) : uploaded.Error!.ToProblem();
    }

    /// <summary>Reads the parts as they arrive and streams the "file" part to the store; nothing is buffered whole.</summary>
    private static async Task<Result<UploadDto>> FromMultipartAsync(
        HttpRequest request, MediaTypeHeaderValue type, string? filename, CreateUpload create, Actor actor, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
            return ValidationError.For("file", "The multipart/form-data Content-Type needs a boundary of at most 70 characters.");
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "file")
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            return await create.ExecuteAsync(section.Body, section.ContentType, string.IsNullOrEmpty(name) ? filename : name, actor, ct);
        }
        return ValidationError.For("file", "Send the file in a multipart/form-data field named \"file\".");
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        long number, long id, ReadAttachment read, HttpContext http, CancellationToken ct)
    {
        var found = await read.ExecuteAsync(number, id, Actor.FromPrincipal(http.User), ct);
        if (!found.Succeeded) return found.Error!.ToProblem();
        var file = found.Value!;
        // Only images a browser decodes itself are shown in place; everything else is a download.
        ProtectDownload(http.Response.Headers, file.FileName, inline: AttachmentTypes.IsSafeInline(file.ContentType));
        return TypedResults.Stream(file.Content, file.ContentType, lastModified: file.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>The headers every file from a customer is served with: nothing may be sniffed into HTML or run script.</summary>
    public static void ProtectDownload(IHeaderDictionary headers, string fileName, bool inline)
    {
        headers.ContentDisposition = AttachmentFileName.ContentDisposition(fileName, inline);
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "private, no-cache";
    }
}

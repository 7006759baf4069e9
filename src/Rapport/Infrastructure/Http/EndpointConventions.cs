using Microsoft.AspNetCore.Mvc;
using Rapport.Infrastructure.Idempotency;

namespace Rapport.Infrastructure.Http;

public static class EndpointConventions
{
    /// <summary>JSON bodies are small; a larger body is refused with 413 before it is read.</summary>
    public const long JsonBodyLimitBytes = 1024 * 1024;

    public static RouteHandlerBuilder WithJsonBodyLimit(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(JsonBodyLimitBytes));

    /// <summary>Honours the Idempotency-Key header: a repeat returns the first response and writes nothing.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>();
}

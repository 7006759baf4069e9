using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Infrastructure.Problems;

/// <summary>
/// Turns exceptions into problem details. Bad requests caught by the framework (malformed JSON,
/// oversized bodies, wrong content types) keep their 4xx status and name the field where known;
/// anything else is a 500 that reveals nothing of the server.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    413 => "Request too large",
                    415 => "Unsupported media type",
                    _ => "Bad request",
                },
                Detail = BadRequestDetail(bad),
            },
            _ => new ProblemDetails { Status = 500, Title = "Unexpected error", Detail = "The server could not complete the request. It has been logged." },
        };
        if (problem.Status == 500) logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Bad request for {Method} {Path}: {Status}", context.Request.Method, context.Request.Path, problem.Status);

        problem.Type = ProblemMapping.TypeFor(problem.Status!.Value);
        context.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails InvalidJson(JsonException json)
    {
        var field = JsonPathToField(json.Path);
        var message = json.Message.StartsWith("'", StringComparison.Ordinal) || !json.Message.Contains("Path:", StringComparison.Ordinal)
            ? json.Message
            : "The value is malformed or of the wrong type.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400,
            Title = "Invalid request",
            Detail = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "The request body is not valid JSON." : $"The field '{field}' is invalid.",
        };
    }

    /// <summary>"$.requester.email" → "requester.email"; the body as a whole is "$".</summary>
    internal static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "$";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string BadRequestDetail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        413 => "The request body is larger than this endpoint accepts.",
        415 => "Send the body as application/json.",
        _ when bad.Message.Contains("was not provided", StringComparison.Ordinal) => "The request body is required.",
        _ => "The request could not be read.",
    };
}

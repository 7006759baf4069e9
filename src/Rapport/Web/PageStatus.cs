namespace Rapport.Web;

/// <summary>Status codes for pages that render their own explanation.</summary>
public static class PageStatus
{
    /// <summary>
    /// Answers 404 with the page as rendered. Setting the status while rendering makes static SSR
    /// swap the page for the router's not-found content (or the problem-details JSON of the
    /// status-code middleware), so the status is applied as the rendered page starts to go out.
    /// </summary>
    public static void RespondNotFound(this HttpContext http)
    {
        var response = http.Response;
        response.OnStarting(() =>
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}

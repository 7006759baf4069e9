using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Search;

public static class SearchMessages
{
    /// <summary>A refused search in words for a page: what is wrong with the query, or that a page of results has gone.</summary>
    public static string Say(Error error) => error is ValidationError validation
        ? validation.Errors.ContainsKey("cursor")
            ? "This page of results is no longer available. Start from the first page."
            : string.Join(" ", validation.Errors.SelectMany(e => e.Value))
        : error.Detail;
}

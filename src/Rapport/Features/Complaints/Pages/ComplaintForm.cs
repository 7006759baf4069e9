using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints.Pages;

/// <summary>
/// What the complaint form posts: the stage of the button pressed, and the fields of the part of the procedure the
/// form showed (<see cref="Fields"/>: "decision" or "response"), so a field the form did not show is left as it is.
/// </summary>
public sealed class ComplaintForm
{
    public const string Name = "complaint";
    public const string DecisionFields = "decision";
    public const string ResponseFields = "response";

    public string? Stage { get; set; }
    public string? Fields { get; set; }
    public string? RootCause { get; set; }
    public string? Remedy { get; set; }
    public string? Decision { get; set; }
    public string? DecisionNotes { get; set; }
    public string? CustomerResponse { get; set; }

    public bool WasPosted => Stage is not null || Fields is not null;

    public UpdateComplaintRequest ToRequest(Validator check)
    {
        var request = new UpdateComplaintRequest
        {
            Stage = string.IsNullOrEmpty(Stage) ? default : Optional<ComplaintStage?>.Of(QueryEnums.Parse<ComplaintStage>("stage", Stage, check)),
        };
        if (Fields == DecisionFields)
            request = request with
            {
                RootCause = Optional<string>.Of(RootCause),
                Remedy = Optional<string>.Of(Remedy),
                Decision = Optional<ComplaintDecision?>.Of(QueryEnums.Parse<ComplaintDecision>("decision", Decision, check)),
                DecisionNotes = Optional<string>.Of(DecisionNotes),
            };
        if (Fields == ResponseFields)
        {
            if (string.IsNullOrEmpty(CustomerResponse)) check.Add("customerResponse", "Choose whether the customer accepted or declined the remedy.");
            else request = request with { CustomerResponse = Optional<RemedyResponse?>.Of(QueryEnums.Parse<RemedyResponse>("customerResponse", CustomerResponse, check)) };
        }
        return request;
    }
}

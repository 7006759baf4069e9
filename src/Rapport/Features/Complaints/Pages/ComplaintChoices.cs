namespace Rapport.Features.Complaints.Pages;

internal static class ComplaintChoices
{
    /// <summary>The active root causes, plus the complaint's own if it has been retired since.</summary>
    public static async Task<IReadOnlyList<RootCauseDto>> RootCausesAsync(RootCauses causes, ComplaintDto complaint, CancellationToken ct)
    {
        var all = await causes.ListAsync(activeOnly: false, ct);
        return [.. all.Where(c => c.IsActive || c.Key == complaint.RootCause?.Key)];
    }
}

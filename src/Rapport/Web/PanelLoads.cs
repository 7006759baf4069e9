namespace Rapport.Web;

/// <summary>
/// Lets the panels of one page read the database in turn. They share the request's DbContext, which runs one query at
/// a time, and static rendering starts a panel's <c>OnInitializedAsync</c> while its siblings still await theirs. On
/// PostgreSQL, whose I/O is truly asynchronous, two panels then met on the context ("A second operation was started on
/// this context instance"); SQLite's calls complete before they return, which hid it. A page with panels loads, and
/// handles its forms, in turn too; a component in a layout reads through a scope of its own (AvailabilitySwitch).
/// </summary>
public sealed class PanelLoads : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> InTurnAsync<T>(Func<Task<T>> load, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            return await load();
        }
        finally
        {
            _turn.Release();
        }
    }

    public Task InTurnAsync(Func<Task> load, CancellationToken ct) => InTurnAsync(async () =>
    {
        await load();
        return true;
    }, ct);

    public void Dispose() => _turn.Dispose();
}

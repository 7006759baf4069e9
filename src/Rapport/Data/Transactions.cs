namespace Rapport.Data;

public static class Transactions
{
    /// <summary>
    /// Runs work that needs several SaveChanges as one all-or-nothing write. Joins the caller's
    /// transaction when there is one (an idempotent request wraps the whole handler in one).
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this RapportDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }
}

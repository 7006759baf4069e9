using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rapport.Features.Customers;

/// <summary>
/// A unique index refused a write. Use cases check first and answer with a named conflict; this
/// catches the rare race between that check and the write.
/// </summary>
internal static class UniqueViolations
{
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}

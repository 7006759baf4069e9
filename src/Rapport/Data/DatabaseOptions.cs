using System.ComponentModel.DataAnnotations;

namespace Rapport.Data;

/// <summary>Section "Rapport:Database". The connection string is "ConnectionStrings:Rapport".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Rapport:Database";
    public const string ConnectionStringName = "Rapport";
    public const string DefaultSqliteConnection = "Data Source=data/rapport.db";

    /// <summary>"Sqlite" (the default, embedded) or "PostgreSQL".</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Apply pending migrations when the server starts. On by default for the embedded database.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Milliseconds a SQLite writer waits for the lock before giving up.</summary>
    [Range(0, 600_000)]
    public int SqliteBusyTimeoutMs { get; set; } = 10_000;

    public DatabaseProvider ParsedProvider => Enum.Parse<DatabaseProvider>(Provider, ignoreCase: true);
}

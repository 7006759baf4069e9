using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Rapport.Data.Sqlite;

/// <summary>
/// The prepared statements of one open connection, by SQL text. SQLite compiles a statement on
/// every execution unless the same command is run again, and EF Core makes a new command each
/// time: compiling the ticket read alone costs ~80 µs against ~15 µs to run it prepared.
/// </summary>
internal sealed class StatementCache(SqliteConnection connection)
{
    /// <summary>More distinct statements than any page or endpoint set runs; beyond it, new ones are compiled each time.</summary>
    public const int Capacity = 500;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// A command that runs EF Core's statement on this connection's prepared copy, or null when
    /// that copy is busy (a reader of the same statement is still open) or the cache is full.
    /// </summary>
    public DbCommand? Wrap(SqliteCommand efCommand)
    {
        if (!_entries.TryGetValue(efCommand.CommandText, out var entry))
        {
            if (_entries.Count >= Capacity) return null;
            entry = new Entry(new SqliteCommand(efCommand.CommandText, connection));
            _entries.Add(efCommand.CommandText, entry);
        }
        if (entry.InUse) return null;
        entry.InUse = true;
        return new PreparedCommand(entry, efCommand);
    }

    public void Clear()
    {
        foreach (var entry in _entries.Values) entry.Prepared.Dispose();
        _entries.Clear();
    }

    internal sealed class Entry(SqliteCommand prepared)
    {
        public SqliteCommand Prepared { get; } = prepared;
        public bool InUse { get; set; }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data.Sqlite;

namespace Rapport.Data;

public static partial class DatabaseRegistration
{
    /// <summary>
    /// Gives the context the model compiled ahead of time (Data/CompiledModels), which spares start-up building it
    /// (~0.5 s). scripts/compile-model.sh leaves the compiled models out of the build while it writes them afresh,
    /// and this call then disappears with them.
    /// </summary>
    static partial void UseCompiledModel(DbContextOptionsBuilder options, DatabaseProvider provider);

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));
        var connectionString = ConnectionString(builder.Configuration, options);

        switch (options.ParsedProvider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(connectionString);
                // One writer queue per database file, shared by every context of this process.
                var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(options.SqliteBusyTimeoutMs));
                builder.Services.AddDbContextPool<RapportDbContext, SqliteRapportDbContext>(db =>
                {
                    db.UseSqlite(connectionString)
                        .AddInterceptors(new SqlitePragmas(options.SqliteBusyTimeoutMs), gate, new PreparedStatements());
                    UseCompiledModel(db, DatabaseProvider.Sqlite);
                });
                builder.Services.AddSingleton(services => new SqliteConnectionPool(connectionString, options.SqliteBusyTimeoutMs,
                    services.GetRequiredService<DbContextOptions<SqliteRapportDbContext>>()));
                break;
            case DatabaseProvider.PostgreSQL:
                builder.Services.AddDbContextPool<RapportDbContext, PostgreSqlRapportDbContext>(db =>
                {
                    db.UseNpgsql(WithAutoPrepare(connectionString));
                    UseCompiledModel(db, DatabaseProvider.PostgreSQL);
                });
                break;
        }
        builder.Services.AddScoped<DatabaseMigrator>();
        return builder;
    }

    /// <summary>Reads and checks the settings, failing with a message that names the setting.</summary>
    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        var section = configuration.GetSection(DatabaseOptions.Section);
        options.Provider = section["Provider"] ?? options.Provider;
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out _) || int.TryParse(options.Provider, out _))
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                [$"Rapport:Database:Provider (Rapport__Database__Provider) is '{options.Provider}'; use 'Sqlite' or 'PostgreSQL'."]);
        options.MigrateOnStart = ReadBool(section, "MigrateOnStart");
        if (section["SqliteBusyTimeoutMs"] is { } timeout)
            options.SqliteBusyTimeoutMs = int.TryParse(timeout, out var ms) && ms >= 0 ? ms
                : throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                    [$"Rapport:Database:SqliteBusyTimeoutMs is '{timeout}'; use a whole number of milliseconds."]);
        return options;
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseOptions options)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (options.ParsedProvider == DatabaseProvider.Sqlite) return DatabaseOptions.DefaultSqliteConnection;
        throw new OptionsValidationException("ConnectionStrings", typeof(DatabaseOptions),
            ["ConnectionStrings:Rapport (ConnectionStrings__Rapport) is required when Rapport:Database:Provider is PostgreSQL."]);
    }

    /// <summary>
    /// Npgsql plans every statement afresh unless told to prepare the frequent ones; the benchmark
    /// measured reads at a third of the database CPU with it. An operator's own setting wins.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) npgsql.MaxAutoPrepare = 64;
        return npgsql.ConnectionString;
    }

    private static bool? ReadBool(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (text is null) return null;
        return bool.TryParse(text, out var value) ? value
            : throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                [$"Rapport:Database:{key} is '{text}'; use true or false."]);
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)) return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}

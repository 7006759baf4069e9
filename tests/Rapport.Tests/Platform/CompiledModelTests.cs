using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Data;
using Rapport.Data.CompiledModels.PostgreSql;
using Rapport.Data.CompiledModels.Sqlite;

namespace Rapport.Tests.Platform;

/// <summary>
/// The server starts on a model compiled ahead of time (src/Rapport/Data/CompiledModels); these fail while it
/// differs from the model the entity classes and their configuration build, and say how to write it afresh.
/// </summary>
public class CompiledModelTests
{
    private const string OutOfDate = "The compiled model is out of date: run scripts/compile-model.sh.";

    [Fact]
    public void SqliteCompiledModel_IsTheModelTheCodeBuilds()
    {
        var options = new DbContextOptionsBuilder<SqliteRapportDbContext>().UseSqlite("Data Source=:memory:");
        using var built = new SqliteRapportDbContext(options.Options);
        using var compiled = new SqliteRapportDbContext(options.UseModel(Fresh<SqliteRapportDbContextModel>()).Options);
        AssertSame(built, compiled);
    }

    [Fact]
    public void PostgreSqlCompiledModel_IsTheModelTheCodeBuilds()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlRapportDbContext>().UseNpgsql("Host=localhost");
        using var built = new PostgreSqlRapportDbContext(options.Options);
        using var compiled = new PostgreSqlRapportDbContext(options.UseModel(Fresh<PostgreSqlRapportDbContextModel>()).Options);
        AssertSame(built, compiled);
    }

    [Fact]
    public void TheCheck_NoticesAChangedModel()
    {
        // The same comparison between two different models must fail, or the two tests above prove nothing.
        using var sqlite = new SqliteRapportDbContext(new DbContextOptionsBuilder<SqliteRapportDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = new PostgreSqlRapportDbContext(new DbContextOptionsBuilder<PostgreSqlRapportDbContext>().UseNpgsql("Host=localhost").Options);
        Assert.NotEqual(Shape(sqlite.GetService<IDesignTimeModel>().Model), Shape(postgreSql.Model));
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertSame(sqlite, postgreSql));
    }

    /// <summary>
    /// A new instance of the compiled model, made as its static constructor makes <c>Instance</c>. Not <c>Instance</c>
    /// itself: both providers' apps run in this one test process, and after the PostgreSQL tests have run, the SQLite
    /// model's <c>Instance</c> answered with PostgreSQL's store types here, so the check failed or passed by the order
    /// the tests ran in. (A server runs one provider, so it never meets this.)
    /// </summary>
    private static IModel Fresh<TModel>() where TModel : RuntimeModel
    {
        var model = (TModel)Activator.CreateInstance(typeof(TModel), nonPublic: true)!;
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        typeof(TModel).GetMethod("Initialize", Private)!.Invoke(model, null);
        typeof(TModel).GetMethod("Customize", Private)?.Invoke(model, null); // a partial method with no body is compiled away
#pragma warning disable EF1001 // The generated model's own static constructor makes Instance with this call.
        return model.FinalizeModel();
#pragma warning restore EF1001
    }

    private static void AssertSame(DbContext built, DbContext compiled)
    {
        var builtModel = built.GetService<IDesignTimeModel>().Model;
        // The objects: entity types, properties with their CLR types, navigations, keys, and how each value is stored.
        Assert.True(Shape(builtModel) == Shape(compiled.Model), OutOfDate);
        // The schema they map to: tables, columns and their types, keys, indexes, foreign keys.
        Assert.True(Schema(builtModel.GetRelationalModel()) == Schema(compiled.Model.GetRelationalModel()), OutOfDate);
    }

    private static string Schema(IRelationalModel model) => string.Join("\n",
        from table in model.Tables
        orderby table.SchemaQualifiedName
        select string.Join("\n   ", new[] { table.SchemaQualifiedName, $"key {table.PrimaryKey?.Name} ({Names(table.PrimaryKey?.Columns)})" }
            .Concat(from column in table.Columns orderby column.Name select $"{column.Name} {column.StoreType} {(column.IsNullable ? "null" : "not null")}")
            .Concat(from index in table.Indexes orderby index.Name select $"index {index.Name} ({Names(index.Columns)}) {(index.IsUnique ? "unique" : "")} {index.Filter}")
            .Concat(from key in table.UniqueConstraints orderby key.Name select $"unique {key.Name} ({Names(key.Columns)})")
            .Concat(from foreignKey in table.ForeignKeyConstraints
                    orderby foreignKey.Name
                    select $"foreign key {foreignKey.Name} ({Names(foreignKey.Columns)}) -> {foreignKey.PrincipalTable.SchemaQualifiedName} {foreignKey.OnDeleteAction}")));

    private static string Names(IEnumerable<IColumn>? columns) => string.Join(", ", columns?.Select(c => c.Name) ?? []);

    private static string Shape(IModel model) =>
        model.ToDebugString(MetadataDebugStringOptions.ShortDefault) + "\n" + string.Join("\n",
            from entity in model.GetEntityTypes()
            from property in entity.GetProperties()
            let mapping = property.FindRelationalTypeMapping()
            orderby entity.Name, property.Name
            select $"{entity.Name}.{property.Name}: {mapping?.StoreType} {mapping?.Converter?.GetType().Name} {mapping?.Comparer.GetType().Name}");
}

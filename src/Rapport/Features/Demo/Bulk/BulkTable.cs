using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapport.Data;

namespace Rapport.Features.Demo.Bulk;

/// <summary>One column of a bulk table, with what the EF model says about how it is stored.</summary>
internal sealed record BulkColumn(string Name, RelationalTypeMapping Mapping, ValueConverter? Converter)
{
    /// <summary>The value as the database stores it: enums as names, and on SQLite times as UTC ticks.</summary>
    public object? ToProvider(object? value) => value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);
}

/// <summary>
/// Rows waiting to be written to one table. Table and column names, and how each value is
/// stored, come from the EF model, so the bulk path stores exactly what EF Core would.
/// </summary>
internal sealed class BulkTable
{
    private BulkTable(string name, IReadOnlyList<BulkColumn> columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }
    public List<object?[]> Rows { get; } = [];

    public static BulkTable For<TEntity>(RapportDbContext db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = properties.Select(name =>
        {
            var property = entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{name} is not in the model.");
            var mapping = property.GetRelationalTypeMapping();
            return new BulkColumn(property.GetColumnName(table)!, mapping, property.GetValueConverter() ?? mapping.Converter);
        }).ToList();
        return new BulkTable(table.Name, columns);
    }

    /// <summary>Queues a row; values in the order of the columns, as the entity's CLR values.</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count) throw new ArgumentException($"{Name} takes {Columns.Count} values, not {values.Length}.");
        Rows.Add(values);
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.Data;

namespace Rapport.Features.Knowledge.Search;

/// <summary>Runs one search statement on the context's connection (and transaction), with named parameters.</summary>
internal static class SearchCommand
{
    public static async Task<List<T>> ReadAsync<T>(RapportDbContext db, string sql, IReadOnlyDictionary<string, object> parameters,
        Func<DbDataReader, T> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The filters both providers share, on the articles table aliased "a".</summary>
    public static string Filters(ArticleSearchRequest request, Dictionary<string, object> parameters)
    {
        var sql = "";
        if (request.PublishedPublicOnly || request.PublishedOnly) sql += " AND a.\"Status\" = 'Published'";
        if (request.PublishedPublicOnly) sql += " AND a.\"Visibility\" = 'Public'";
        if (request.Language is { } language)
        {
            sql += " AND a.\"Language\" = @language";
            parameters["@language"] = language;
        }
        return sql;
    }

    /// <summary>After the cursor, in the order score desc, last change desc, id desc.</summary>
    public static string After(ArticleSearchRequest request, Dictionary<string, object> parameters, object updatedValue)
    {
        if (request.After is not { } after) return "";
        parameters["@after_score"] = after.Score;
        parameters["@after_updated"] = updatedValue;
        parameters["@after_id"] = after.Id;
        return " WHERE (score < @after_score OR (score = @after_score AND (updated < @after_updated OR (updated = @after_updated AND id < @after_id))))";
    }
}

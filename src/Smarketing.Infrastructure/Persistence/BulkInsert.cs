using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with one prepared statement, run once per row inside the current
/// transaction: the change tracker, which costs more than SQLite's own work for thousands of rows, is left out.
/// The columns, their conversions and their parameter types come from the EF model, so a row is stored exactly as
/// SaveChanges would store it, and a column added to the model is written here too. A key the database generates is
/// read back into the entity.
/// </summary>
internal sealed class BulkInsert
{
    private readonly IReadOnlyList<IProperty> _written;
    private readonly IProperty? _generated;
    private readonly string _sql;

    private BulkInsert(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{entityType.DisplayName()}.{shadow.Name} is a shadow property, which a bulk insert can't read.");
        }

        _generated = properties.SingleOrDefault(p => p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long));
        _written = properties.Where(p => p != _generated).ToList();
        var columns = string.Join(", ", _written.Select(p => Quote(p.GetColumnName(table)!)));
        var values = string.Join(", ", _written.Select((_, i) => $"@p{i}"));
        _sql = $"INSERT INTO {Quote(table.Name)} ({columns}) VALUES ({values})" +
               (_generated is null ? "" : $" RETURNING {Quote(_generated.GetColumnName(table)!)}");
    }

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> entities, CancellationToken ct)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A bulk insert runs inside a transaction, so its rows are all written or none is.");
        var insert = new BulkInsert(db.Model.FindEntityType(typeof(T))!);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = insert._sql;
        var parameters = insert._written
            .Select((p, i) => p.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", null, p.IsNullable))
            .ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);

        foreach (var entity in entities)
        {
            insert.Bind(parameters, entity);
            if (insert._generated is { } key)
            {
                var id = await command.ExecuteScalarAsync(ct);
                key.PropertyInfo!.SetValue(entity, Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private void Bind(DbParameter[] parameters, object entity)
    {
        for (var i = 0; i < _written.Count; i++)
        {
            var property = _written[i];
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameters[i].Value = value ?? DBNull.Value;
        }
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

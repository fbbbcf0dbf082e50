using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with prepared multi-row statements (up to <see cref="MaxRowsPerStatement"/>
/// rows each) inside the current transaction: the change tracker, which costs more than SQLite's own work for
/// thousands of rows, is left out. The columns, their conversions and their parameter types come from the EF model, so
/// a row is stored exactly as SaveChanges would store it, and a column added to the model is written here too. A key
/// the database generates is read back into the entity.
/// </summary>
internal sealed class BulkInsert
{
    private const int MaxRowsPerStatement = 100;
    private const int MaxParameters = 30_000;

    private readonly IReadOnlyList<IProperty> _written;
    private readonly IProperty? _generated;
    private readonly string _table;
    private readonly string _columns;
    private readonly string? _returning;

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
        _table = Quote(table.Name);
        _columns = string.Join(", ", _written.Select(p => Quote(p.GetColumnName(table)!)));
        _returning = _generated is null ? null : Quote(_generated.GetColumnName(table)!);
    }

    private int RowsPerStatement => Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / _written.Count));

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
        var rows = entities.ToList();
        var full = insert.RowsPerStatement;
        DbCommand? command = null;
        try
        {
            for (var at = 0; at < rows.Count; at += full)
            {
                var count = Math.Min(full, rows.Count - at);
                if (command is null || command.Parameters.Count != count * insert._written.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = await insert.PrepareAsync(db, transaction.GetDbTransaction(), count, ct);
                }

                await insert.RunAsync(command, rows.GetRange(at, count), ct);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private async Task<DbCommand> PrepareAsync(DbContext db, DbTransaction transaction, int rows, CancellationToken ct)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var values = new System.Text.StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            values.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _written.Count; column++)
            {
                var name = $"@p{(row * _written.Count) + column}";
                values.Append(column == 0 ? name : ", " + name);
                command.Parameters.Add(_written[column].GetRelationalTypeMapping().CreateParameter(command, name, null, _written[column].IsNullable));
            }

            values.Append(')');
        }

        command.CommandText = $"INSERT INTO {_table} ({_columns}) VALUES {values}" + (_returning is null ? "" : $" RETURNING {_returning}");
        await command.PrepareAsync(ct);
        return command;
    }

    private async Task RunAsync<T>(DbCommand command, List<T> rows, CancellationToken ct)
        where T : class
    {
        for (var row = 0; row < rows.Count; row++)
        {
            Bind(command.Parameters, row * _written.Count, rows[row]);
        }

        if (_generated is null)
        {
            await command.ExecuteNonQueryAsync(ct);
            return;
        }

        // The database numbers the rows in the order the statement lists them.
        var ids = new List<long>(rows.Count);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        ids.Sort();
        for (var row = 0; row < rows.Count; row++)
        {
            _generated.PropertyInfo!.SetValue(rows[row], ids[row]);
        }
    }

    private void Bind(DbParameterCollection parameters, int first, object entity)
    {
        for (var i = 0; i < _written.Count; i++)
        {
            var property = _written[i];
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameters[first + i].Value = value ?? DBNull.Value;
        }
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

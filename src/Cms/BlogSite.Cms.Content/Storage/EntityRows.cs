using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BlogSite.Cms.Content.Storage;

/// An entity type's table and columns as the EF Core model maps them, and its entities as rows of provider values,
/// so a bulk insert writes every mapped column (a column added to the model is never skipped) with the same
/// conversions EF Core applies.
internal sealed class EntityRows
{
    private readonly IReadOnlyList<IProperty> properties;

    private EntityRows(string table, IReadOnlyList<IProperty> properties, IProperty? generatedKey)
    {
        Table = table;
        this.properties = properties;
        GeneratedKey = generatedKey;
        var store = StoreObjectIdentifier.Table(table);
        Columns = [.. properties.Select(p => p.GetColumnName(store)!)];
        GeneratedKeyColumn = generatedKey?.GetColumnName(store);
    }

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    /// Each column with the type the database declares it as (PostgreSQL's COPY writes values in exactly that type).
    public IReadOnlyList<(string Name, string StoreType)> TypedColumns =>
        [.. Columns.Zip(properties, (column, property) => (column, property.GetRelationalTypeMapping().StoreType))];

    /// The key the database makes (an identity column), which an insert leaves out and may read back.
    public IProperty? GeneratedKey { get; }

    public string? GeneratedKeyColumn { get; }

    public (string Name, string StoreType)? TypedGeneratedKey =>
        GeneratedKey is null ? null : (GeneratedKeyColumn!, GeneratedKey.GetRelationalTypeMapping().StoreType);

    /// The property whose stored value an UPDATE must find unchanged (the row's concurrency stamp).
    public IProperty ConcurrencyToken => properties.Single(p => p.IsConcurrencyToken);

    public static EntityRows Of<TEntity>(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var key = entityType.FindPrimaryKey()?.Properties is [var only] && only.ValueGenerated == ValueGenerated.OnAdd ? only : null;
        return new EntityRows(
            entityType.GetTableName()!,
            [.. entityType.GetProperties().Where(p => p != key && !p.IsShadowProperty())],
            key);
    }

    /// The same table with only the named properties as its columns, in that order (the columns an UPDATE sets).
    public EntityRows Only(IReadOnlyList<string> propertyNames)
    {
        ArgumentNullException.ThrowIfNull(propertyNames);
        return new EntityRows(Table, [.. propertyNames.Select(Property)], GeneratedKey);
    }

    public string ColumnOf(string propertyName) => Property(propertyName).GetColumnName(StoreObjectIdentifier.Table(Table))!;

    public IProperty Property(string propertyName) =>
        properties.FirstOrDefault(p => p.Name == propertyName) ?? throw new InvalidOperationException($"{Table} has no column for {propertyName}.");

    public object?[] ValuesOf(object entity) => [.. properties.Select(p => ProviderValue(p, p.PropertyInfo!.GetValue(entity)))];

    public static object? ProviderValue(IProperty property, object? value) =>
        value is null ? null : (property.GetValueConverter() ?? property.GetTypeMapping().Converter) is { } converter
            ? converter.ConvertToProvider(value)
            : value;
}

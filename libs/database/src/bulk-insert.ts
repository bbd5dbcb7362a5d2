import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Many rows in one INSERT whose values travel as a single JSON parameter, expanded by
 * PostgreSQL (jsonb_populate_recordset): no per-value placeholders to build, which for
 * hundreds of wide rows costs TypeORM's insert more than the database's work. Columns come
 * from the entity's metadata (the keys of the first row; all rows must have the same keys);
 * column transformers apply; columns left out take their defaults.
 */
export async function insertJsonRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter(
    (column) => !column.generatedType && column.propertyName in rows[0],
  );
  const json = rows.map((row) => {
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      let value = (row as Record<string, unknown>)[column.propertyName];
      const transformer = column.transformer;
      if (transformer && !Array.isArray(transformer)) value = transformer.to(value);
      values[column.databaseName] = value instanceof Date ? value.toISOString() : (value ?? null);
    }
    return values;
  });
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  await manager.query(
    `INSERT INTO "${metadata.tableName}" (${names})
     SELECT ${names} FROM jsonb_populate_recordset(NULL::"${metadata.tableName}", $1::jsonb)`,
    [JSON.stringify(json)],
  );
}

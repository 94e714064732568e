// Rejects Prisma queries whose `where` holds an `undefined` value anywhere.
// Kept apart from lib/db.ts so it can be unit-tested without a database.
export class UndefinedFilterError extends Error {}

export function assertNoUndefinedFilters(model: string, operation: string, args: unknown) {
  if (!args || typeof args !== "object" || !("where" in args)) return;
  const path = findUndefined((args as { where: unknown }).where, "where");
  if (path) {
    throw new UndefinedFilterError(`${model}.${operation}: ${path} is undefined; refusing an unscoped query`);
  }
}

function findUndefined(value: unknown, path: string): string | null {
  if (value === undefined) return path;
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUndefined(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findUndefined(item, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

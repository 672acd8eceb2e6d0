/** `%text%` for LIKE … ESCAPE '\': the user's % _ and \ match themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** Builds the WHERE clause of a directory filter: conditions joined by AND, parameters in order. */
export function whereBuilder() {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  return {
    add,
    /** `column = value`, skipped when the filter leaves the value out. */
    eq(column: string, value: unknown) {
      if (value !== undefined && value !== null && value !== '') add(`${column} = ?`, value);
    },
    /** `column IN (…)`; an empty list matches nothing. */
    in(column: string, values: readonly unknown[]) {
      add(`${column} IN (${values.map(() => '?').join(',') || 'NULL'})`, ...values);
    },
    build: () => ({ sql: parts.join(' AND ') || '1', params }),
  };
}

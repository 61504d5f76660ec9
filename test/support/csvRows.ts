// CSV rows as an independent reader sees them (csv-parse, RFC 4180), for tests of what lichdu writes.
import { parse } from 'csv-parse/sync';

export function csvRows(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
}

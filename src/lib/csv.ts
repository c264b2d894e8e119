/**
 * CSV for spreadsheets, one way everywhere (the audit page, the park profiles, the data downloads,
 * `linghe-audit --csv`; no imports, so the command line loads it as it is): a UTF-8 byte-order mark (Excel needs it for Chinese),
 * CRLF line ends, quoting where needed, and text that a spreadsheet would run as a formula
 * (= + - @ …) defused with a leading apostrophe — names come from editable files.
 *
 * @example csvDocument([['名称 (name)', (r: { n: string }) => csvText(r.n)]], [{ n: '=1+1' }])
 *   // '\uFEFF名称 (name)\r\n\'=1+1\r\n'
 */

/** One column: its header and how to fill its cell for a row. */
export type CsvColumn<Row> = [header: string, cell: (row: Row) => string];

/** A text cell: formula-like text gets a leading apostrophe; null is empty. */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A number cell rounded to `digits` decimals (no -0); null is empty. */
export function csvNumber(value: number | null, digits: number): string {
  if (value === null) return '';
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? '0' : rounded.toString();
}

/** One cell, quoted when it holds a quote, a comma or a line break (RFC 4180). */
export function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A document from cells already written: BOM first, header line, one line per row, each CRLF.
 * @example csvTable(['a'], [['1']]) // '\uFEFFa\r\n1\r\n'
 */
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The whole document from columns: header line, then one line per row. */
export function csvDocument<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return csvTable(
    columns.map(([header]) => header),
    rows.map((row) => columns.map(([, cell]) => cell(row)))
  );
}

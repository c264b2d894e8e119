/**
 * CSV for spreadsheets, for every export: the audit page's (figure-audit.ts `rowsToCsv`) and
 * `linghe-audit --csv`. UTF-8 with a byte-order mark (Excel needs it to read Chinese), CRLF line
 * ends, RFC 4180 quoting. No imports, so the command line loads it as it is.
 */

/**
 * A text cell. Spreadsheet programs run cells starting with = + - @ (or a tab or carriage return
 * before one) as formulas, and text comes from user-editable files, so such text gets a leading
 * apostrophe. Empty for null.
 * @example csvText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function csvText(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell, quoted when it holds a quote, a comma or a line break. */
export function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A whole CSV document: a header line and one line per row, BOM first, every line ended by CRLF. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly string[])[]
): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

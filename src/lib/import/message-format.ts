/**
 * How importer messages quote what they take from a file (messages.ts and its tables): values and
 * names cut to a readable length, sizes in megabytes. Plain text: the UI renders it as text.
 */

export type Params = Record<string, string | number | undefined>;
export type Template = (p: Params) => { zh: string; en: string };

const MAX_QUOTED_LENGTH = 60;

/** Shortens a value quoted from a file so one bad field cannot flood the report. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number') text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…` : text;
}

const MAX_NAME_LENGTH = 120;

/** A name taken from a file (a CRS name, a list of entries), cut to a readable length. */
export function shorten(value: string | number | undefined): string {
  const text = String(value ?? '');
  return text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH - 1)}…` : text;
}

export function megabytes(bytes: number | string | undefined): string {
  return (Number(bytes) / (1024 * 1024)).toFixed(1);
}

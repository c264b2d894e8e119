/**
 * Thrown by the readers when a file cannot be read at all; `importFile` turns it into
 * `ImportResult.fileError` through the message catalogue.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number | undefined> = {}
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'ImportFileError';
  }
}

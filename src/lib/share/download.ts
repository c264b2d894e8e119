/** Saves a Blob (or a File) as a file through the browser's download: nothing leaves the page. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the object URL; it can go once this task is done.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves text as a file of the given MIME type, like `downloadBlob`. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

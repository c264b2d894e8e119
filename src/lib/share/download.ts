/** Saves text as a file through the browser's download (no request leaves the page). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the object URL; it can go once this task is done.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

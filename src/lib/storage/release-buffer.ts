/**
 * Letting go of big buffers at once. An ArrayBuffer's memory is otherwise freed only when the
 * garbage collector next finds the buffer unreachable, which in a worker busy with a 63 MB import
 * can be long after: the old and the new copy of every buffer add up in the tab's peak memory.
 * `ArrayBuffer.prototype.transfer` (ES2024; Chrome 114, Firefox 122, Safari 17.4, Node 21)
 * detaches a buffer and frees its memory now; where it is missing this does nothing and the
 * collector frees it as before.
 */

interface Transferable {
  transfer?: (length?: number) => ArrayBuffer;
}

/**
 * Frees `buffer`'s memory now where the engine can; the buffer is detached (byteLength 0, every
 * view of it empty) afterwards either way the engine allows it, so call it only on a buffer
 * nothing will read again.
 *
 * @example
 * const bytes = new Uint8Array(await file.arrayBuffer());
 * const layout = splitFeatureCollection(bytes);
 * releaseBuffer(bytes.buffer); // the 63 MB go now, not at the next collection
 */
export function releaseBuffer(buffer: ArrayBufferLike): void {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) return;
  (buffer as ArrayBuffer & Transferable).transfer?.(0);
}

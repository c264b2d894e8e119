/**
 * Copying text such as a paragraph's link (issue #2), with fallbacks for browsers without the
 * Clipboard API. The browser parts are passed in, so the fallbacks can be tested in Node.
 */

/** What a copy attempt came to: copied, or the text to show so the reader can copy it by hand. */
export type CopyOutcome = 'copied' | 'manual';

export interface CopyEnvironment {
  /** `navigator.clipboard`, absent on http:// pages and in old browsers. */
  clipboard?: { writeText(text: string): Promise<void> } | undefined;
  /** `document.execCommand('copy')` on a selected temporary field; false when refused. */
  legacyCopy?: ((text: string) => boolean) | undefined;
}

/** Tries the async Clipboard API, then the legacy copy command, else asks for a manual copy. */
export async function copyText(text: string, env: CopyEnvironment): Promise<CopyOutcome> {
  if (env.clipboard) {
    try {
      await env.clipboard.writeText(text);
      return 'copied';
    } catch {
      // Permission denied or document not focused: the legacy path may still work.
    }
  }
  try {
    if (env.legacyCopy?.(text)) return 'copied';
  } catch {
    // execCommand throws in some sandboxed frames; fall through to a manual copy.
  }
  return 'manual';
}

/** The legacy copy for browsers: select the text in an off-screen field and run `copy`. */
export function documentLegacyCopy(doc: Document): (text: string) => boolean {
  return (text) => {
    const field = doc.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    doc.body.append(field);
    field.select();
    try {
      return doc.execCommand('copy');
    } finally {
      field.remove();
    }
  };
}

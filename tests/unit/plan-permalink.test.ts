/** Paragraph links and copying them (issue #2). */
import { describe, expect, it } from 'vitest';
import { idFromHash, paragraphUrl } from '$lib/plan/permalink';
import { copyText, documentLegacyCopy } from '$lib/plan/copy-link';

describe('paragraphUrl', () => {
  it('replaces the hash and keeps the rest of the page URL', () => {
    expect(paragraphUrl('https://example.org/plan', 'c5s1p4')).toBe(
      'https://example.org/plan#c5s1p4'
    );
    expect(paragraphUrl('https://example.org/plan?x=1#c1', 'c0p1')).toBe(
      'https://example.org/plan?x=1#c0p1'
    );
    expect(paragraphUrl(new URL('http://localhost:4173/base/plan#'), 'c9')).toBe(
      'http://localhost:4173/base/plan#c9'
    );
  });
});

describe('idFromHash', () => {
  it('reads the id a hash points at', () => {
    expect(idFromHash('#c5s1p4')).toBe('c5s1p4');
    expect(idFromHash('c5s1p4')).toBe('c5s1p4');
    expect(idFromHash('')).toBe('');
    expect(idFromHash('#')).toBe('');
    expect(idFromHash('#%E4%B8%89')).toBe('三');
    expect(idFromHash('#%E4%B8')).toBe('%E4%B8');
  });
});

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const written: string[] = [];
    const outcome = await copyText('u', {
      clipboard: { writeText: async (t) => void written.push(t) },
      legacyCopy: () => {
        throw new Error('must not be called');
      }
    });
    expect(outcome).toBe('copied');
    expect(written).toEqual(['u']);
  });

  it('falls back to the legacy copy when the Clipboard API is missing or refuses', async () => {
    const legacy: string[] = [];
    const legacyCopy = (t: string) => (legacy.push(t), true);
    expect(await copyText('a', { legacyCopy })).toBe('copied');
    const refused = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    expect(await copyText('b', { clipboard: refused, legacyCopy })).toBe('copied');
    expect(legacy).toEqual(['a', 'b']);
  });

  it('asks for a manual copy when nothing works', async () => {
    expect(await copyText('c', {})).toBe('manual');
    expect(await copyText('c', { legacyCopy: () => false })).toBe('manual');
    const throwing = () => {
      throw new Error('SecurityError');
    };
    expect(await copyText('c', { legacyCopy: throwing })).toBe('manual');
  });
});

/**
 * A stand-in for the few parts of a Document the legacy copy touches. It logs each step, so the
 * order (in the page, selected, copied, removed) can be checked, and keeps the fields it made.
 */
function fakeDocument(copy: () => boolean) {
  const log: string[] = [];
  const inPage = new Set<object>();
  const fields: { tag: string; value: string; attributes: object; style: object }[] = [];
  const doc = {
    createElement(tag: string) {
      const attributes: Record<string, string> = {};
      const field = {
        tag,
        value: '',
        attributes,
        style: {},
        setAttribute: (name: string, value: string) => void (attributes[name] = value),
        select: () => void log.push(inPage.has(field) ? 'select' : 'select outside the page'),
        remove: () => void (inPage.delete(field), log.push('remove'))
      };
      fields.push(field);
      log.push(`create ${tag}`);
      return field;
    },
    body: { append: (node: object) => void (inPage.add(node), log.push('append')) },
    execCommand(command: string) {
      log.push(`execCommand ${command}`);
      return copy();
    }
  };
  return { doc: doc as unknown as Document, log, inPage, fields };
}

describe('documentLegacyCopy', () => {
  it('copies from a hidden read-only field that is gone afterwards', () => {
    const fake = fakeDocument(() => true);
    expect(documentLegacyCopy(fake.doc)('https://example.org/plan#c5')).toBe(true);
    expect(fake.log).toEqual(['create textarea', 'append', 'select', 'execCommand copy', 'remove']);
    expect(fake.fields).toMatchObject([
      {
        tag: 'textarea',
        value: 'https://example.org/plan#c5',
        // Read-only: no on-screen keyboard on phones. Fixed and transparent: the page neither
        // scrolls to it nor shows it.
        attributes: { readonly: '' },
        style: { position: 'fixed', opacity: '0' }
      }
    ]);
    expect(fake.inPage.size).toBe(0);
  });

  it('says when the browser refuses the copy command, and still removes the field', () => {
    const fake = fakeDocument(() => false);
    expect(documentLegacyCopy(fake.doc)('x')).toBe(false);
    expect(fake.log.at(-1)).toBe('remove');
    expect(fake.inPage.size).toBe(0);
  });

  it('removes the field when the copy command throws, and lets copyText fall back', async () => {
    const fake = fakeDocument(() => {
      throw new Error('SecurityError');
    });
    expect(() => documentLegacyCopy(fake.doc)('x')).toThrow('SecurityError');
    expect(fake.inPage.size).toBe(0);
    expect(await copyText('x', { legacyCopy: documentLegacyCopy(fake.doc) })).toBe('manual');
    expect(fake.inPage.size).toBe(0);
  });
});

/**
 * Reads GeoJSON bytes into candidate features. Failures of the file as a whole (not UTF-8, not
 * JSON, cut off, TopoJSON, …) throw an ImportFileError naming what is wrong and where; problems
 * with single features are left to validate.ts.
 */
import { crsFromName, type DeclaredCrs } from './crs-names';
import { ImportFileError } from './file-error';
import { locateJsonError } from './json-syntax';
import { quote } from './messages';
import type { SourceData } from './source-data';
import { decodeUtf8Strict, looksLikeGbk } from './text-encoding';
import { GEOMETRY_TYPES } from '$lib/geo/geometry-types.js';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const located = locateJsonError(text);
    if (located?.truncated) throw new ImportFileError('truncated');
    if (!located) {
      // The engine refused what our validator accepts (e.g. it ran out of memory): say so.
      const message = error instanceof Error ? error.message : String(error);
      throw new ImportFileError('json-syntax', {
        line: '?',
        column: '?',
        detail: message,
        detailEn: message
      });
    }
    const { line, column } = lineAndColumn(text, located.offset);
    throw new ImportFileError('json-syntax', {
      line,
      column,
      detail: located.zh,
      detailEn: located.en
    });
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function declaredCrsOf(root: Record<string, unknown>): DeclaredCrs | null {
  const member = root.crs as { type?: unknown; properties?: Record<string, unknown> } | undefined;
  if (!member || typeof member !== 'object') return null;
  const properties = member.properties ?? {};
  if (typeof properties.name === 'string') return crsFromName(properties.name);
  if (member.type === 'EPSG' && properties.code !== undefined) {
    return crsFromName(`EPSG:${String(properties.code)}`);
  }
  return { crs: null, name: quote(member) };
}

/** Top-level strings that describe the data (name, title, description, source, …). */
function metadataOf(root: Record<string, unknown>): string[] {
  const texts: string[] = [];
  for (const [key, value] of Object.entries(root)) {
    if (key === 'features' || key === 'geometry' || key === 'coordinates') continue;
    if (typeof value === 'string') texts.push(`${key}: ${value}`);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const json = JSON.stringify(value);
      if (json.length < 2000) texts.push(`${key}: ${json}`);
    }
  }
  return texts;
}

/**
 * Parses GeoJSON bytes (UTF-8, optional BOM).
 *
 * @example readGeoJson(bytes).features.length // number of candidate features
 */
export function readGeoJson(bytes: Uint8Array): SourceData {
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) {
    throw new ImportFileError('encoding-not-utf8', {
      offset: decoded.offset,
      gbk: looksLikeGbk(bytes) ? 1 : undefined
    });
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    throw new ImportFileError('not-json', { start: quote(trimmed.slice(0, 20)) });
  }

  const root = parseJson(text);
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    throw new ImportFileError('not-geojson', { type: kindOf(root) });
  }
  const object = root as Record<string, unknown>;
  const type = object.type;

  let features: unknown[];
  if (type === 'FeatureCollection') {
    if (!Array.isArray(object.features)) {
      throw new ImportFileError('features-not-array', { actual: kindOf(object.features) });
    }
    features = object.features;
  } else if (type === 'Feature') {
    features = [object];
  } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    features = [{ type: 'Feature', properties: {}, geometry: object }];
  } else if (type === 'Topology') {
    throw new ImportFileError('topojson');
  } else {
    throw new ImportFileError('not-geojson', { type: type === undefined ? '(none)' : quote(type) });
  }
  if (features.length === 0) throw new ImportFileError('no-features');

  return {
    format: 'geojson',
    features,
    declaredCrs: declaredCrsOf(object),
    crsFixedByFormat: false,
    notices: [],
    problems: [],
    metadataText: metadataOf(object)
  };
}

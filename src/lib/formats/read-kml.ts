/**
 * Reads KML (and the doc.kml of a KMZ) into candidate features. Properties, ids and styles come
 * from @tmcw/togeojson, run on the small DOM of xml.ts (there is no DOMParser in a Web Worker).
 * Geometry is re-read here strictly, because togeojson quietly repairs or drops bad data (it
 * closes open rings, skips short rings and non-numeric values): the validator must see the
 * coordinates as written so it can report them.
 */
import { kml } from '@tmcw/togeojson';
import type { Geometry } from 'geojson';
import { ImportFileError } from './file-error';
import { notice } from '../import/messages';
import { candidatesOf, type SourceData } from './source-data';
import { decodeUtf8Strict, looksLikeGbk, normaliseEncodingLabel } from './text-encoding';
import { parseXml, XmlSyntaxError, XNode, ELEMENT_NODE } from './xml';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Decodes KML bytes honouring a BOM or the XML declaration's encoding (UTF-8 by default). */
export function decodeXmlBytes(bytes: Uint8Array): string {
  let head = '';
  for (const b of bytes.subarray(0, 200)) head += String.fromCharCode(b);
  const declared = /^\uFEFF?\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  const label = declared ? normaliseEncodingLabel(declared) : 'utf-8';
  if (!label) throw new ImportFileError('encoding-unknown', { encoding: declared });
  if (label === 'utf-8') {
    const decoded = decodeUtf8Strict(bytes);
    if (!decoded.ok) {
      throw new ImportFileError('encoding-not-utf8', {
        offset: decoded.offset,
        gbk: looksLikeGbk(bytes) ? 1 : undefined
      });
    }
    return decoded.text.replace(/^\uFEFF/, '');
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('encoding-unknown', { encoding: declared });
  }
}

/** `lon,lat[,alt]` tuples, numbers where they are numbers and the raw text where they are not. */
function parseTuples(text: string): (number | string)[][] {
  const compact = text.trim().replace(/\s*,\s*/g, ',');
  if (!compact) return [];
  return compact.split(/\s+/).map((tuple) => {
    const parts = tuple.split(',');
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // trailing comma
    return parts.map((part) => (NUMBER.test(part) ? Number(part) : part));
  });
}

function elementChildren(node: XNode): XNode[] {
  return node.childNodes.filter((child) => child.nodeType === ELEMENT_NODE);
}

function childNamed(node: XNode, localName: string): XNode | undefined {
  return elementChildren(node).find((child) => child.localName === localName);
}

function coordinatesOf(node: XNode): (number | string)[][] {
  const element = childNamed(node, 'coordinates');
  return element ? parseTuples(element.textContent) : [];
}

function ringsOf(polygon: XNode): (number | string)[][][] {
  const rings: (number | string)[][][] = [];
  for (const boundary of ['outerBoundaryIs', 'innerBoundaryIs']) {
    for (const holder of elementChildren(polygon).filter((c) => c.localName === boundary)) {
      for (const ring of elementChildren(holder).filter((c) => c.localName === 'LinearRing')) {
        rings.push(coordinatesOf(ring));
      }
    }
  }
  return rings;
}

/** Geometries under a Placemark or MultiGeometry, exactly as written; null for tracks. */
function geometriesOf(node: XNode): unknown[] | null {
  const geometries: unknown[] = [];
  for (const child of elementChildren(node)) {
    switch (child.localName) {
      case 'MultiGeometry': {
        const inner = geometriesOf(child);
        if (inner === null) return null;
        geometries.push(...inner);
        break;
      }
      case 'Point':
        geometries.push({ type: 'Point', coordinates: coordinatesOf(child)[0] ?? [] });
        break;
      case 'LineString':
      case 'LinearRing':
        geometries.push({ type: 'LineString', coordinates: coordinatesOf(child) });
        break;
      case 'Polygon':
        geometries.push({ type: 'Polygon', coordinates: ringsOf(child) });
        break;
      case 'Track':
      case 'MultiTrack':
        return null; // gx:Track timing data: togeojson's reading is kept
    }
  }
  return geometries;
}

/** One geometry, a Multi* of same-type parts, or a GeometryCollection of mixed ones. */
function combine(geometries: unknown[]): unknown {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return geometries[0];
  const parts = geometries as { type: string; coordinates: unknown }[];
  const type = parts[0].type;
  if (parts.every((g) => g.type === type)) {
    const multi = { Point: 'MultiPoint', LineString: 'MultiLineString', Polygon: 'MultiPolygon' }[
      type
    ];
    if (multi) return { type: multi, coordinates: parts.map((g) => g.coordinates) };
  }
  return { type: 'GeometryCollection', geometries };
}

function describeDocument(xmlDocument: XNode): string[] {
  const texts: string[] = [];
  const container = xmlDocument.getElementsByTagName('Document')[0] ?? xmlDocument.documentElement;
  if (!container) return texts;
  for (const name of ['name', 'description', 'Snippet']) {
    const element = childNamed(container, name);
    if (element) texts.push(`${name}: ${element.textContent.trim()}`);
  }
  return texts;
}

/**
 * togeojson sets each <Data>/<SimpleData> as `properties[name] = value`, so one named
 * `__proto__` replaced the object's prototype and vanished; it is put back as an own property.
 */
function withProtoData(
  placemark: XNode,
  properties: Record<string, unknown> | null
): Record<string, unknown> | null {
  let result = properties;
  for (const element of placemark.getElementsByTagName('*')) {
    if (element.localName !== 'Data' && element.localName !== 'SimpleData') continue;
    if (element.getAttribute('name') !== '__proto__') continue;
    const value =
      element.localName === 'Data'
        ? (childNamed(element, 'value')?.textContent ?? '')
        : element.textContent;
    result = Object.setPrototypeOf({ ...(result ?? {}) }, Object.prototype) as Record<
      string,
      unknown
    >;
    Object.defineProperty(result, '__proto__', {
      value: value.trim(),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return result;
}

/** KML's namespaces (2.2, and Google Earth's older ones). */
const KML_NAMESPACE = /^https?:\/\/(www\.opengis\.net\/kml\/|earth\.google\.com\/kml\/)/;

/**
 * Renames prefixed KML elements (`<kml:Placemark>` under `xmlns:kml="http://www.opengis.net/kml/2.2"`)
 * to their local names, which is what togeojson and the strict geometry reader look for: a
 * namespace-prefixed file is as much KML as one with a default namespace. The prefixes bound to
 * KML are those declared on the root element.
 */
function unprefixKml(xmlDocument: XNode, root: XNode): void {
  const prefixes = new Set<string>();
  for (const [name, value] of root.attributeMap) {
    if (name.startsWith('xmlns:') && KML_NAMESPACE.test(value)) prefixes.add(name.slice(6));
  }
  if (prefixes.size === 0) return;
  for (const element of xmlDocument.getElementsByTagName('*')) {
    const at = element.nodeName.indexOf(':');
    if (at > 0 && prefixes.has(element.nodeName.slice(0, at))) {
      (element as { nodeName: string }).nodeName = element.nodeName.slice(at + 1);
    }
  }
}

/**
 * Parses KML bytes.
 *
 * @example readKml(bytes).featureAt(0) // → { type: 'Feature', geometry: …, properties: { name } }
 */
export function readKml(bytes: Uint8Array, format: 'kml' | 'kmz' = 'kml'): SourceData {
  const text = decodeXmlBytes(bytes);
  let xmlDocument: XNode;
  try {
    xmlDocument = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      if (error.unclosedTag) throw new ImportFileError('xml-truncated', { tag: error.unclosedTag });
      throw new ImportFileError('xml-syntax', {
        line: error.line,
        column: error.column,
        detail: error.detail,
        detailEn: error.detailEn
      });
    }
    throw error;
  }
  const root = xmlDocument.documentElement as XNode;
  unprefixKml(xmlDocument, root);
  if (root.localName !== 'kml') {
    if (/^html$/i.test(root.localName)) throw new ImportFileError('html-page');
    throw new ImportFileError('not-kml', { root: root.nodeName });
  }

  const converted = kml(xmlDocument as unknown as Document).features;
  // togeojson yields one feature per <Placemark> in document order, then the overlays and links.
  const placemarks = xmlDocument.getElementsByTagName('Placemark');
  const features: unknown[] = [];
  placemarks.forEach((placemark, i) => {
    const feature = converted[i];
    const strict = geometriesOf(placemark);
    features.push({
      ...feature,
      properties: withProtoData(placemark, feature.properties),
      geometry: strict === null ? (feature.geometry as Geometry | null) : combine(strict)
    });
  });

  const notices = [];
  const others = converted.length - placemarks.length;
  if (others > 0) notices.push(notice('kml-non-placemarks', { count: others }));
  if (features.length === 0) throw new ImportFileError('no-features');

  return {
    format,
    ...candidatesOf(features),
    declaredCrs: { crs: 'wgs84', name: 'KML (WGS-84)' },
    crsFixedByFormat: true,
    notices,
    problems: [],
    metadataText: describeDocument(xmlDocument)
  };
}

/**
 * Steps 1 and 2 of the import: the format (magic bytes, then name), then its reader — GeoJSON,
 * KML/KMZ or zipped Shapefile → candidate features in the file's coordinates.
 */
import { detectFormat } from '../formats/detect-format';
import { ImportFileError } from '../formats/file-error';
import { readGeoJson, readGeoJsonFile } from '../formats/read-geojson';
import { readKml } from '../formats/read-kml';
import { hasShapefile, readShapefile } from '../formats/read-shapefile';
import type { ReaderLimits, SourceData } from '../formats/source-data';
import { listZip } from '../formats/zip';
import { notice } from './messages';
import type { ImportSource } from './types';

/**
 * A ZIP's entries may add up to this many times the file size limit when expanded; each entry
 * read is held to the file size limit itself (zip.ts checks both on what is really produced).
 */
const ZIP_EXPANSION_FACTOR = 3;

/** Bytes read from the start of a file to tell its format. */
const HEAD_BYTES = 64 * 1024;

/** What the reader of the file's format makes of it. */
export async function readSource(
  input: ImportSource,
  name: string,
  limits: ReaderLimits,
  split: boolean
): Promise<SourceData> {
  const { maxBytes } = limits;
  const head =
    input instanceof Uint8Array
      ? input
      : new Uint8Array(await input.slice(0, HEAD_BYTES).arrayBuffer());
  const detected = detectFormat(head, name);
  if (detected.kind === 'refused') throw new ImportFileError(detected.code, detected.params);
  if (detected.format === 'geojson') {
    return input instanceof Uint8Array
      ? readGeoJson(input, { split })
      : readGeoJsonFile(input, { split });
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
  if (detected.format === 'kml') return readKml(bytes);
  const entries = listZip(bytes, maxBytes * ZIP_EXPANSION_FACTOR, maxBytes);
  if (!hasShapefile(entries)) {
    const kmls = entries.filter((e) => /\.kml$/i.test(e.name));
    const kml = kmls.find((e) => /(^|\/)doc\.kml$/i.test(e.name)) ?? kmls[0];
    if (kml) {
      const source = readKml(await kml.read(), 'kmz');
      const others = kmls.filter((e) => e !== kml).map((e) => e.name);
      if (others.length > 0) {
        source.notices.push(notice('kmz-extra-kml', { read: kml.name, names: others.join(', ') }));
      }
      return source;
    }
    if (detected.format === 'kmz') {
      const names = entries.map((e) => e.name).join(', ') || '(empty)';
      throw new ImportFileError('kmz-no-kml', { names });
    }
  }
  return readShapefile(entries, limits);
}

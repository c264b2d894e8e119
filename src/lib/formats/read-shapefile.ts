/**
 * Reads a zipped Shapefile (one or more layers: .shp + .dbf + .prj, optional .cpg) into candidate
 * features in the layer's own coordinates. shpjs parses geometry and attributes; this module
 * decides the attribute encoding (.cpg, the .dbf language byte, else UTF-8 then GBK), recognises
 * the CRS from the .prj, and reports what shpjs would pass over silently: a cut-off .shp, records
 * deleted in the .dbf, and .shp/.dbf record counts that do not match.
 */
import { crsFromPrj, type DeclaredCrs } from './crs-names';
import { ImportFileError } from './file-error';
import { featureProblem, notice } from '../import/messages';
import { readDbfTable, type DbfTable } from './read-dbf';
import { readShpRecords, ringCountOf, type ShpLimits, type ShpRecords } from './shp-records';
import { candidatesOf, type ReaderLimits, type SourceData } from './source-data';
import { normaliseEncodingLabel } from './text-encoding';
import type { BilingualMessage, ImportProblem } from '../import/types';
import type { ZipEntry } from './zip';

const SHP_FILE_CODE = 9994;
/** Shape types shpjs reads (null, point, polyline, polygon, multipoint, and Z/M forms). */
const SUPPORTED_SHAPE_TYPES = new Set([1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);
/** dBASE language driver ids that mean code page 936 (GBK). */
const LDID_GBK = new Set([0x4d, 0x7a]);

interface Layer {
  base: string;
  shp?: ZipEntry;
  dbf?: ZipEntry;
  prj?: ZipEntry;
  cpg?: ZipEntry;
}

/**
 * The layers of an archive, one per .shp, by its exact name: `Roads.shp` and `roads.shp` are two
 * layers (merging them would lose one). A companion (.dbf, .prj, .cpg) joins the layer of the
 * same name; one whose name differs only in case (`PARCELS.DBF` beside `parcels.shp`, as some
 * Windows tools write them) joins the one layer it can belong to.
 */
function groupLayers(entries: ZipEntry[]): Layer[] {
  const parts: { base: string; extension: 'shp' | 'dbf' | 'prj' | 'cpg'; entry: ZipEntry }[] = [];
  for (const entry of entries) {
    const fileName = entry.name.split('/').pop() ?? entry.name;
    if (entry.name.includes('__MACOSX/') || fileName.startsWith('._')) continue;
    const match = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(entry.name);
    if (!match) continue;
    const extension = match[2].toLowerCase() as 'shp' | 'dbf' | 'prj' | 'cpg';
    parts.push({ base: match[1], extension, entry });
  }
  const layers = new Map<string, Layer>();
  for (const part of parts) {
    if (part.extension === 'shp') layers.set(part.base, { base: part.base, shp: part.entry });
  }
  for (const part of parts) {
    if (part.extension === 'shp') continue;
    let layer = layers.get(part.base);
    if (!layer) {
      const lower = part.base.toLowerCase();
      const candidates = [...layers.values()].filter((l) => l.base.toLowerCase() === lower);
      if (candidates.length === 1) layer = candidates[0];
    }
    if (layer && !layer[part.extension]) layer[part.extension] = part.entry;
  }
  return [...layers.values()].sort((a, b) => (a.base < b.base ? -1 : 1));
}

function shapeTypeName(type: number): string {
  const names: Record<number, string> = { 0: 'Null', 31: 'MultiPatch' };
  return names[type] ? `${type} (${names[type]})` : String(type);
}

function readShp(
  bytes: Uint8Array,
  file: string,
  limits: ShpLimits,
  notices: BilingualMessage[]
): ShpRecords {
  if (bytes.length < 100) {
    throw new ImportFileError('shp-corrupt', {
      file,
      detail: '文件头不完整',
      detailEn: 'the header is incomplete'
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== SHP_FILE_CODE) {
    throw new ImportFileError('shp-corrupt', {
      file,
      detail: '不是 .shp 文件（文件标志不对）',
      detailEn: 'it is not a .shp file (wrong file code)'
    });
  }
  const shapeType = view.getInt32(32, true);
  if (!SUPPORTED_SHAPE_TYPES.has(shapeType)) {
    throw new ImportFileError('shp-unsupported-type', { file, type: shapeTypeName(shapeType) });
  }
  const records = readShpRecords(bytes, limits);
  const declared = view.getInt32(24, false) * 2;
  if (declared > bytes.length || records.truncated) {
    notices.push(
      notice('shp-truncated', {
        file,
        declared,
        actual: bytes.length,
        read: records.geometries.length
      })
    );
  }
  // shpjs adds a bbox in the file's own coordinates; it would be wrong after conversion.
  for (const geometry of records.geometries) {
    if (geometry) delete (geometry as { bbox?: unknown }).bbox;
  }
  return records;
}

/**
 * The encoding of a .dbf's text: the .cpg if it names a known one, else the header's language
 * driver byte, else UTF-8 if the bytes are valid UTF-8, else GBK. Says how it decided.
 */
export function chooseDbfEncoding(
  dbf: Uint8Array,
  cpg: string | undefined,
  notices: BilingualMessage[]
): string {
  if (cpg !== undefined) {
    const label = normaliseEncodingLabel(cpg);
    if (label) {
      if (label !== 'utf-8')
        notices.push(notice('dbf-encoding-from-cpg', { encoding: label.toUpperCase() }));
      return label;
    }
    notices.push(notice('cpg-unknown', { label: cpg.trim().slice(0, 40) }));
  }
  if (dbf.length > 29 && LDID_GBK.has(dbf[29])) return 'gbk';
  const text = dbf.subarray(32);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(text);
    return 'utf-8';
  } catch {
    // not UTF-8: try GBK below
  }
  try {
    new TextDecoder('gbk', { fatal: true }).decode(text);
    notices.push(notice('dbf-encoding-guessed', { encoding: 'GBK' }));
  } catch {
    notices.push(notice('dbf-encoding-unknown'));
  }
  return 'gbk';
}

async function readText(entry: ZipEntry | undefined): Promise<string | undefined> {
  if (!entry) return undefined;
  return new TextDecoder('utf-8').decode(await entry.read());
}

/** True if the archive holds at least one .shp (outside macOS resource folders). */
export function hasShapefile(entries: ZipEntry[]): boolean {
  return groupLayers(entries).length > 0;
}

/** The .dbf of a layer (its records, deleted flags), or an empty table and a notice if it has none. */
async function readLayerDbf(
  layer: Layer,
  shpRecords: number,
  maxFeatures: number,
  notices: BilingualMessage[]
): Promise<DbfTable> {
  if (!layer.dbf) {
    notices.push(notice('shp-no-dbf', { file: `${layer.base}.shp` }));
    return { records: [], deleted: [] };
  }
  const bytes = await layer.dbf.read();
  const encoding = chooseDbfEncoding(bytes, await readText(layer.cpg), notices);
  // Records past the .shp's become features too (each is reported): the same limit holds.
  const dbf = readDbfTable(bytes, encoding, `${layer.base}.dbf`, maxFeatures, notices);
  if (dbf.records.length !== shpRecords) {
    notices.push(
      notice('shp-count-mismatch', {
        file: layer.base,
        shp: shpRecords,
        dbf: dbf.records.length
      })
    );
  }
  return dbf;
}

/**
 * Joins a layer's geometries and attribute records into features (appended to `features`),
 * reporting each record that is missing, deleted, corrupt or lost rings on the way.
 */
function joinRecords(
  layer: Layer,
  shp: ShpRecords,
  dbf: DbfTable,
  features: unknown[],
  problems: ImportProblem[]
): void {
  const file = `${layer.base}.shp`;
  const geometries = shp.geometries;
  const offset = features.length;
  const count = Math.max(geometries.length, dbf.records.length);
  for (let i = 0; i < count; i++) {
    const index = offset + i;
    if (i >= geometries.length) {
      problems.push(featureProblem('shp-record-missing', index, undefined));
      features.push({ type: 'Feature', properties: dbf.records[i], geometry: null });
      continue;
    }
    if (layer.dbf && i >= dbf.records.length) {
      problems.push(featureProblem('dbf-record-missing', index, undefined));
    }
    if (dbf.deleted[i]) problems.push(featureProblem('dbf-record-deleted', index, undefined));
    const damage = shp.broken.get(i);
    if (damage) {
      problems.push(
        featureProblem('shp-record-corrupt', index, undefined, {
          record: i + 1,
          file,
          detail: damage.zh,
          detailEn: damage.en
        })
      );
    } else if (shp.ringCounts[i] > 0 && ringCountOf(geometries[i]) < shp.ringCounts[i]) {
      problems.push(
        featureProblem('shp-ring-dropped', index, undefined, {
          record: i + 1,
          file,
          count: shp.ringCounts[i] - ringCountOf(geometries[i])
        })
      );
    }
    features.push({ type: 'Feature', properties: dbf.records[i] ?? {}, geometry: geometries[i] });
  }
}

/** Layers read together must share one CRS; if their .prj files disagree, the user decides. */
function commonCrs(declarations: DeclaredCrs[]): DeclaredCrs | null {
  if (declarations.length === 0) return null;
  const first = declarations[0];
  const allSame = declarations.every((d) => d.crs === first.crs);
  return allSame
    ? first
    : { crs: null, name: [...new Set(declarations.map((d) => d.name))].join(' / ') };
}

/**
 * Reads every Shapefile layer in a ZIP's entries; features of several layers are concatenated.
 *
 * @example (await readShapefile(listZip(bytes, 1e9))).declaredCrs // → { crs: 'EPSG:4549', … }
 */
export async function readShapefile(
  entries: ZipEntry[],
  limits: Pick<ReaderLimits, 'maxVertices' | 'maxFeatures'> = {
    maxVertices: Infinity,
    maxFeatures: Infinity
  }
): Promise<SourceData> {
  const layers = groupLayers(entries);
  if (layers.length === 0) {
    const names =
      entries
        .map((e) => e.name)
        .slice(0, 8)
        .join(', ') || '(empty)';
    throw new ImportFileError('zip-no-shp', { names });
  }
  const notices: BilingualMessage[] = [];
  const problems: ImportProblem[] = [];
  const features: unknown[] = [];
  const declarations: DeclaredCrs[] = [];
  const metadataText: string[] = [];
  let vertices = 0;
  if (layers.length > 1) {
    notices.push(notice('zip-multiple-layers', { names: layers.map((l) => l.base).join(', ') }));
  }

  for (const layer of layers) {
    const file = `${layer.base}.shp`;
    metadataText.push(`layer: ${layer.base}`);
    // Layers count together against the limits.
    const remaining = {
      maxVertices: limits.maxVertices - vertices,
      maxFeatures: limits.maxFeatures - features.length
    };
    const shp = readShp(await (layer.shp as ZipEntry).read(), file, remaining, notices);
    vertices += shp.vertices;
    const prj = await readText(layer.prj);
    if (prj !== undefined) {
      declarations.push(crsFromPrj(prj));
      metadataText.push(`prj: ${prj.slice(0, 200)}`);
    }
    const dbf = await readLayerDbf(layer, shp.geometries.length, remaining.maxFeatures, notices);
    joinRecords(layer, shp, dbf, features, problems);
  }
  if (features.length === 0) throw new ImportFileError('no-features');
  return {
    format: 'shapefile-zip',
    ...candidatesOf(features),
    declaredCrs: commonCrs(declarations),
    crsFixedByFormat: false,
    notices,
    problems,
    metadataText
  };
}

/**
 * Every sentence the importer shows to people, in Chinese and English, in one place. Codes are
 * stable (tests and the UI key on them); wording may change. Values taken from files (names, ids)
 * are interpolated as plain text — the UI must render them as text, never as HTML. File errors
 * and feature reasons, the two long tables, are in file-error-messages.ts and feature-messages.ts.
 */
import type { BilingualMessage, ImportProblem } from './types';
import { FILE_ERRORS } from './file-error-messages';
import { FEATURE_REASONS, isErrorCode } from './feature-messages';
import { quote, shorten, type Params, type Template } from './message-format';

export { quote } from './message-format';
export { isErrorCode } from './feature-messages';

/** Saving in the browser (IndexedDB) and backups. */
const STORAGE_ERRORS: Record<string, Template> = {
  'storage-quota': () => ({
    zh: '浏览器存储空间已满，本次没有保存；之前保存的数据都还在。请导出备份后删除不用的图层再试。',
    en: 'The browser’s storage is full, so this was not saved; everything saved before is still there. Export a backup, delete layers you no longer need and try again.'
  }),
  'storage-failed': (p) => ({
    zh: `保存失败（${p.detail}），本次没有保存；之前保存的数据都还在。`,
    en: `Saving failed (${p.detail}), so this was not saved; everything saved before is still there.`
  }),
  'storage-unavailable': (p) => ({
    zh: `浏览器不允许本地存储（${p.detail}），导入的图层只在本页打开期间有效。`,
    en: `The browser does not allow local storage (${p.detail}); imported layers last only while this page is open.`
  }),
  'backup-feature-invalid': (p) => ({
    zh: `备份没有恢复，之前保存的数据都还在：备份${p.where}有无效的要素——${p.detail}`,
    en: `The backup was not restored and everything saved before is still there: a feature ${p.whereEn} is not valid — ${p.detailEn}`
  }),
  'backup-invalid': (p) => ({
    zh: `这不是凌河规划地图的备份文件（${p.detail}）；如需作为图层导入，请使用“导入”。`,
    en: `This is not a Linghe Plan Map backup (${p.detailEn ?? p.detail}); to add it as a layer, use “Import”.`
  })
};

/** Why the user must choose a coordinate system. */
const CRS_QUESTIONS: Record<string, Template> = {
  'crs-projected-unknown': (p) => ({
    zh: `坐标值看起来是以米为单位的投影坐标（例如 ${p.sample}），但文件没有说明坐标系：请选择坐标系（如 CGCS2000 3° 高斯-克吕格分带）。`,
    en: `The coordinates look like projected metres (e.g. ${p.sample}) but the file does not say which system: choose the coordinate system (e.g. a CGCS2000 3° Gauss-Krüger zone).`
  }),
  'crs-unsupported': (p) => ({
    zh: `文件声明的坐标系“${shorten(p.name)}”无法自动转换，请选择与数据相符的坐标系。`,
    en: `The file declares the coordinate system “${shorten(p.name)}”, which cannot be converted automatically; choose the system that matches the data.`
  }),
  'crs-declared-geographic-but-projected': (p) => ({
    zh: `坐标系是 ${p.crs}（经纬度），但坐标值像以米为单位的投影坐标（例如 ${p.sample}）：请确认坐标系。`,
    en: `The coordinate system is ${p.crs} (degrees) but the coordinates look like projected metres (e.g. ${p.sample}): confirm the coordinate system.`
  }),
  'crs-declared-projected-but-geographic': (p) => ({
    zh: `坐标系是投影坐标 ${p.crs}，但坐标值像经纬度（例如 ${p.sample}）：请确认坐标系。`,
    en: `The coordinate system is the projected ${p.crs} but the coordinates look like degrees (e.g. ${p.sample}): confirm the coordinate system.`
  }),
  'crs-zone-mismatch': (p) => ({
    zh: `坐标系是 ${p.crs}，但东坐标（例如 ${p.sample}）与该分带不符${p.zone ? `，看起来属于第 ${p.zone} 带` : ''}：请确认坐标系。`,
    en: `The coordinate system is ${p.crs} but the eastings (e.g. ${p.sample}) do not fit that zone${p.zone ? `; they look like zone ${p.zone}` : ''}: confirm the coordinate system.`
  })
};

/** File-level remarks that do not stop the import. */
const NOTICES: Record<string, Template> = {
  'crs-assumed-wgs84': () => ({
    zh: 'Shapefile 没有 .prj 文件，坐标值是经纬度，已按 WGS-84 处理（CGCS2000 与之相差不到 1 米）。',
    en: 'The Shapefile has no .prj file and its coordinates are degrees; they were read as WGS-84 (CGCS2000 differs by less than 1 m).'
  }),
  'gcj02-suspected': (p) => ({
    zh: `数据可能是 GCJ-02（高德/腾讯）坐标而非 WGS-84（依据：${p.evidence}）；若是，位置会偏约 500 米，请按 GCJ-02 重新导入。`,
    en: `The data may be in GCJ-02 (AMap/Tencent) rather than WGS-84 (evidence: ${p.evidenceEn ?? p.evidence}); if so it is about 500 m off: import it again as GCJ-02.`
  }),
  'bd09-suspected': (p) => ({
    zh: `数据可能是 BD-09（百度）坐标而非 WGS-84（依据：${p.evidence}）；若是，位置会偏约 1 公里，请按 BD-09 重新导入。`,
    en: `The data may be in BD-09 (Baidu) rather than WGS-84 (evidence: ${p.evidenceEn ?? p.evidence}); if so it is about 1 km off: import it again as BD-09.`
  }),
  'dbf-encoding-from-cpg': (p) => ({
    zh: `属性表按 .cpg 声明的 ${p.encoding} 编码读取。`,
    en: `Attribute text was read as ${p.encoding}, as the .cpg file says.`
  }),
  'dbf-encoding-guessed': (p) => ({
    zh: `没有 .cpg 文件，属性表的文字按 ${p.encoding} 编码读取（推测）；若中文乱码，请附上 .cpg 文件。`,
    en: `There is no .cpg file; attribute text was read as ${p.encoding} (a guess); if Chinese text looks garbled, include the .cpg file.`
  }),
  'dbf-encoding-unknown': () => ({
    zh: '属性表的文字既不是 UTF-8 也不是 GBK，可能显示为乱码；请附上 .cpg 文件说明编码。',
    en: 'Attribute text is neither UTF-8 nor GBK and may look garbled; include a .cpg file naming the encoding.'
  }),
  'cpg-unknown': (p) => ({
    zh: `.cpg 文件中的编码“${p.label}”无法识别，已改为自动判断。`,
    en: `The encoding “${p.label}” in the .cpg file is unknown; it was detected automatically instead.`
  }),
  'shp-no-dbf': (p) => ({
    zh: `“${p.file}”没有 .dbf 属性表，要素没有属性。`,
    en: `“${p.file}” has no .dbf attribute table, so its features have no attributes.`
  }),
  'shp-count-mismatch': (p) => ({
    zh: `“${p.file}”的 .shp 有 ${p.shp} 条记录，.dbf 有 ${p.dbf} 条，无法一一对应的记录已列入问题列表。`,
    en: `“${p.file}” has ${p.shp} records in .shp but ${p.dbf} in .dbf; records that do not pair up are listed as problems.`
  }),
  'shp-truncated': (p) => ({
    zh: `“${p.file}”不完整（文件头声明 ${p.declared} 字节，实际 ${p.actual} 字节），只读到了前 ${p.read} 条记录。`,
    en: `“${p.file}” is incomplete (its header says ${p.declared} bytes, it has ${p.actual}); only the first ${p.read} records were read.`
  }),
  'dbf-duplicate-field': (p) => ({
    zh: `“${p.file}”中有多个名为“${p.field}”的字段，后一个改名为“${p.renamed}”。`,
    en: `“${p.file}” has more than one field named “${p.field}”; the later one is called “${p.renamed}”.`
  }),
  'dbf-record-length': (p) => ({
    zh: `“${p.file}”的文件头记载每条记录 ${p.declared} 字节，字段宽度之和为 ${p.fields} 字节；已按字段读取，多余字节忽略。`,
    en: `“${p.file}” declares ${p.declared} bytes per record but its fields add up to ${p.fields}; the fields were read and the extra bytes ignored.`
  }),
  'dbf-truncated': (p) => ({
    zh: `“${p.file}”不完整（文件头声明 ${p.declared} 条记录），只读到了 ${p.read} 条。`,
    en: `“${p.file}” is incomplete (its header declares ${p.declared} records); only ${p.read} were read.`
  }),
  'json-repeated-member': (p) => ({
    zh: `成员“${shorten(p.member)}”出现了不止一次，只读取了最后一个，前面的被忽略。`,
    en: `The member “${shorten(p.member)}” appears more than once; only the last one was read, the earlier ones were ignored.`
  }),
  'kmz-extra-kml': (p) => ({
    zh: `KMZ 中有多个 .kml 文件，只读取了“${shorten(p.read)}”，其余未导入：${shorten(p.names)}。`,
    en: `The KMZ holds more than one .kml file; only “${shorten(p.read)}” was read, the others were not imported: ${shorten(p.names)}.`
  }),
  'zip-multiple-layers': (p) => ({
    zh: `ZIP 中有多个图层（${p.names}），已合并导入。`,
    en: `The ZIP holds several layers (${p.names}); they were imported together.`
  }),
  'kml-non-placemarks': (p) => ({
    zh: `KML 中有 ${p.count} 个地面叠加层/网络链接，它们不是地标（Placemark），未导入。`,
    en: `The KML has ${p.count} ground overlay(s) / network link(s); they are not placemarks and were not imported.`
  })
};

function build(table: Record<string, Template>, code: string, params: Params): BilingualMessage {
  const template = table[code];
  if (!template) throw new Error(`No message for code “${code}”`);
  return { code, ...template(params) };
}

export function fileError(code: string, params: Params = {}): BilingualMessage {
  return build(FILE_ERRORS, code, params);
}

export function storageError(code: string, params: Params = {}): BilingualMessage {
  return build(STORAGE_ERRORS, code, params);
}

export function crsQuestion(code: string, params: Params = {}): BilingualMessage {
  return build(CRS_QUESTIONS, code, params);
}

export function notice(code: string, params: Params = {}): BilingualMessage {
  return build(NOTICES, code, params);
}

/**
 * A problem with feature `featureIndex` (0-based), worded with its 1-based number and id, e.g.
 * “第 3 个要素（id "a"）：第 1 个环未闭合（首尾坐标不同）。”
 */
export function featureProblem(
  code: string,
  featureIndex: number,
  featureId: string | number | undefined,
  params: Params = {},
  path?: string
): ImportProblem {
  const reason = build(FEATURE_REASONS, code, params);
  const idPart = featureId === undefined ? '' : quote(featureId);
  const zh = `第 ${featureIndex + 1} 个要素${idPart ? `（id ${idPart}）` : ''}：${reason.zh}。`;
  const en = `Feature #${featureIndex + 1}${idPart ? ` (id ${idPart})` : ''}: ${reason.en}.`;
  const problem: ImportProblem = {
    code,
    zh,
    en,
    featureIndex,
    severity: isErrorCode(code) ? 'error' : 'warning'
  };
  if (featureId !== undefined) problem.featureId = featureId;
  if (path !== undefined) problem.path = path;
  return problem;
}

/** Every code the catalogue knows, by kind (for tests and the UI). */
export const MESSAGE_CODES = {
  fileErrors: Object.keys(FILE_ERRORS),
  storageErrors: Object.keys(STORAGE_ERRORS),
  crsQuestions: Object.keys(CRS_QUESTIONS),
  notices: Object.keys(NOTICES),
  featureProblems: Object.keys(FEATURE_REASONS)
};

/**
 * Every sentence the importer shows to people, in Chinese and English, in one place. Codes are
 * stable (tests and the UI key on them); wording may change. Values taken from files (names, ids)
 * are interpolated as plain text — the UI must render them as text, never as HTML.
 */
import type { BilingualMessage, ImportProblem } from './types';

type Params = Record<string, string | number | undefined>;
type Template = (p: Params) => { zh: string; en: string };

const MAX_QUOTED_LENGTH = 60;

/** Shortens a value quoted from a file so one bad field cannot flood the report. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number') text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…` : text;
}

const MAX_NAME_LENGTH = 120;

/** A name taken from a file (a CRS name, a list of entries), cut to a readable length. */
function shorten(value: string | number | undefined): string {
  const text = String(value ?? '');
  return text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH - 1)}…` : text;
}

function megabytes(bytes: number | string | undefined): string {
  return (Number(bytes) / (1024 * 1024)).toFixed(1);
}

/** File-level errors: the file as a whole cannot be read. One sentence each. */
const FILE_ERRORS: Record<string, Template> = {
  'too-large': (p) => ({
    zh: `文件太大（${megabytes(p.bytes)} MB），上限为 ${megabytes(p.maxBytes)} MB，请拆分后再导入。`,
    en: `The file is too large (${megabytes(p.bytes)} MB; the limit is ${megabytes(p.maxBytes)} MB); split it and import the parts.`
  }),
  'empty-file': () => ({
    zh: '文件是空的（0 字节）。',
    en: 'The file is empty (0 bytes).'
  }),
  'unknown-format': (p) => ({
    zh: `无法识别“${shorten(p.name)}”的格式：请导入 GeoJSON（.geojson/.json）、KML（.kml/.kmz）或压缩的 Shapefile（.zip）。`,
    en: `“${shorten(p.name)}” is not a format this map reads: import GeoJSON (.geojson/.json), KML (.kml/.kmz) or a zipped Shapefile (.zip).`
  }),
  'binary-file': (p) => ({
    zh: `这是一个 ${p.kind} 文件，不是地理数据：请导入 GeoJSON、KML 或压缩的 Shapefile。`,
    en: `This is a ${p.kind} file, not geodata: import GeoJSON, KML or a zipped Shapefile.`
  }),
  'html-page': () => ({
    zh: '这是一个网页（HTML），不是地理数据——可能是下载时保存了网页而非数据文件。',
    en: 'This is a web page (HTML), not geodata — the download probably saved the page instead of the data file.'
  }),
  'blank-file': (p) => ({
    zh: `文件只有空白（${p.bytes} 字节的空格或换行），没有任何数据。`,
    en: `The file holds nothing but blanks (${p.bytes} bytes of spaces or line breaks), no data.`
  }),
  'encoding-utf32': () => ({
    zh: '文件是 UTF-32 编码，请另存为 UTF-8 后再导入。',
    en: 'The file is encoded as UTF-32; save it as UTF-8 and import it again.'
  }),
  'kmz-no-kml': (p) => ({
    zh: `KMZ 中没有 .kml 文件（只有：${shorten(p.names)}）。`,
    en: `The KMZ contains no .kml file (only: ${shorten(p.names)}).`
  }),
  'encoding-utf16': () => ({
    zh: '文件是 UTF-16 编码，请另存为 UTF-8 后再导入。',
    en: 'The file is encoded as UTF-16; save it as UTF-8 and import it again.'
  }),
  'encoding-not-utf8': (p) => ({
    zh: `文件应为 UTF-8 编码，但从第 ${p.offset} 字节起不是合法的 UTF-8${p.gbk ? '（看起来是 GBK 编码）' : ''}：请另存为 UTF-8 后再导入。`,
    en: `The file should be UTF-8 but is not valid UTF-8 from byte ${p.offset}${p.gbk ? ' (it looks like GBK)' : ''}: save it as UTF-8 and import it again.`
  }),
  'encoding-unknown': (p) => ({
    zh: `文件声明的编码“${p.encoding}”无法识别或与内容不符。`,
    en: `The file declares the encoding “${p.encoding}”, which is unknown or does not match its content.`
  }),
  'not-json': (p) => ({
    zh: `文件不是 JSON（开头是 ${p.start}），无法按 GeoJSON 读取。`,
    en: `The file is not JSON (it starts with ${p.start}), so it cannot be read as GeoJSON.`
  }),
  'json-syntax': (p) => ({
    zh: `JSON 语法错误，位于第 ${p.line} 行第 ${p.column} 列：${p.detail}。`,
    en: `JSON syntax error at line ${p.line}, column ${p.column}: ${p.detailEn ?? p.detail}.`
  }),
  truncated: () => ({
    zh: '文件不完整（在结构结束前就中断了），可能下载或复制时被截断。',
    en: 'The file is incomplete (it ends before its structure is closed); it was probably cut off while downloading or copying.'
  }),
  'not-geojson': (p) => ({
    zh: `这是 JSON，但不是 GeoJSON：顶层 type 为 ${p.type}，应为 FeatureCollection、Feature 或几何对象。`,
    en: `This is JSON but not GeoJSON: the top-level type is ${p.type}; it should be FeatureCollection, Feature or a geometry.`
  }),
  topojson: () => ({
    zh: '这是 TopoJSON，不是 GeoJSON：请先转换为 GeoJSON（例如用 topojson-client 或 mapshaper）。',
    en: 'This is TopoJSON, not GeoJSON: convert it to GeoJSON first (e.g. with topojson-client or mapshaper).'
  }),
  'features-not-array': (p) => ({
    zh: `FeatureCollection 的 features 应为数组，实际为 ${p.actual}。`,
    en: `The FeatureCollection’s “features” should be an array but is ${p.actual}.`
  }),
  'no-features': () => ({
    zh: '文件里没有任何要素。',
    en: 'The file contains no features.'
  }),
  'no-usable-features': (p) => ({
    zh: `文件中的 ${p.count} 个要素都有错误，没有可用的要素（详见问题列表）。`,
    en: `All ${p.count} features in the file have errors, so none can be used (see the problem list).`
  }),
  'too-many-vertices': (p) => ({
    zh: `文件共有 ${p.count} 个顶点，超过上限 ${p.max}，请先简化或拆分。`,
    en: `The file has ${p.count} vertices, more than the limit of ${p.max}; simplify or split it first.`
  }),
  'too-many-features': (p) => ({
    zh: `文件共有 ${p.count} 个要素，超过上限 ${p.max}，请先拆分。`,
    en: `The file has ${p.count} features, more than the limit of ${p.max}; split it first.`
  }),
  'xml-syntax': (p) => ({
    zh: `KML（XML）语法错误，位于第 ${p.line} 行第 ${p.column} 列：${p.detail}。`,
    en: `KML (XML) syntax error at line ${p.line}, column ${p.column}: ${p.detailEn ?? p.detail}.`
  }),
  'xml-truncated': (p) => ({
    zh: `KML 文件不完整：元素 <${p.tag}> 没有结束，文件可能被截断。`,
    en: `The KML file is incomplete: element <${p.tag}> is never closed; the file was probably cut off.`
  }),
  'not-kml': (p) => ({
    zh: `这是 XML，但不是 KML（根元素是 <${p.root}>）。`,
    en: `This is XML but not KML (the root element is <${p.root}>).`
  }),
  'zip-corrupt': (p) => ({
    zh: `ZIP 压缩包已损坏或不完整（${p.detail}）。`,
    en: `The ZIP archive is damaged or incomplete (${p.detailEn ?? p.detail}).`
  }),
  'zip-encrypted': (p) => ({
    zh: `ZIP 中的“${shorten(p.name)}”有密码保护，请解压后不加密重新压缩。`,
    en: `“${shorten(p.name)}” in the ZIP is password-protected; unzip it and zip it again without a password.`
  }),
  'zip-unsupported': (p) => ({
    zh: `ZIP 中的“${shorten(p.name)}”使用了不支持的压缩方式（${p.method}），请用普通的 ZIP（Deflate）重新压缩。`,
    en: `“${shorten(p.name)}” in the ZIP uses an unsupported compression method (${p.method}); re-zip it with ordinary ZIP (Deflate).`
  }),
  'zip-too-large': (p) => ({
    zh: `ZIP 解压后太大（${megabytes(p.bytes)} MB），上限为 ${megabytes(p.maxBytes)} MB。`,
    en: `The ZIP expands to too much data (${megabytes(p.bytes)} MB; the limit is ${megabytes(p.maxBytes)} MB).`
  }),
  'zip-entry-too-large': (p) => ({
    zh: `ZIP 中的“${shorten(p.name)}”解压后有 ${megabytes(p.bytes)} MB，超过单个文件 ${megabytes(p.maxBytes)} MB 的上限，请拆分后再导入。`,
    en: `“${shorten(p.name)}” in the ZIP expands to ${megabytes(p.bytes)} MB, more than the limit of ${megabytes(p.maxBytes)} MB for one file; split it and import the parts.`
  }),
  'zip-size-mismatch': (p) => ({
    zh: `ZIP 已损坏：“${shorten(p.name)}”解压出的数据与文件头记载的 ${p.declared} 字节不符。`,
    en: `The ZIP is damaged: “${shorten(p.name)}” does not expand to the ${p.declared} bytes its header declares.`
  }),
  'zip-no-shp': (p) => ({
    zh: `ZIP 中没有 .shp 文件（只有：${shorten(p.names)}），Shapefile 需要把 .shp、.dbf、.prj 一起压缩。`,
    en: `The ZIP contains no .shp file (only: ${shorten(p.names)}); a Shapefile needs its .shp, .dbf and .prj zipped together.`
  }),
  'shp-alone': () => ({
    zh: '只有 .shp 文件无法导入：请把同名的 .shp、.dbf、.prj（及 .cpg）一起压缩成 .zip 再导入。',
    en: 'A .shp file alone cannot be imported: zip it together with its .dbf, .prj (and .cpg) and import the .zip.'
  }),
  'shp-corrupt': (p) => ({
    zh: `Shapefile“${p.file}”已损坏：${p.detail}。`,
    en: `The Shapefile “${p.file}” is damaged: ${p.detailEn ?? p.detail}.`
  }),
  'unexpected-error': (p) => ({
    zh: `文件无法读取（${p.detail}），没有导入任何内容；之前保存的数据都还在。`,
    en: `The file could not be read (${p.detail}), so nothing was imported; everything saved before is still there.`
  }),
  'shp-unsupported-type': (p) => ({
    zh: `Shapefile“${p.file}”的几何类型 ${p.type} 不受支持（支持点、线、面及其 Z/M 形式）。`,
    en: `The Shapefile “${p.file}” has geometry type ${p.type}, which is not supported (points, lines, polygons and their Z/M forms are).`
  })
};

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

/** Per-feature problems: the reason only; `featureProblem` adds which feature. */
const FEATURE_REASONS: Record<string, Template> = {
  'not-a-feature': (p) => ({
    zh: `不是 Feature（type 为 ${p.type}）`,
    en: `not a Feature (type is ${p.type})`
  }),
  'empty-geometry': () => ({
    zh: '没有几何（geometry 为空）',
    en: 'has no geometry (empty or null)'
  }),
  'unknown-geometry-type': (p) => ({
    zh: `未知的几何类型 ${p.type}`,
    en: `unknown geometry type ${p.type}`
  }),
  'coordinates-missing': () => ({
    zh: '缺少 coordinates',
    en: 'has no coordinates member'
  }),
  'bad-coordinate-nesting': (p) => ({
    zh: `坐标数组的层级不对（此处应为${p.expectedZh}，实际是 ${p.actual}）`,
    en: `coordinate arrays are nested wrongly (expected ${p.expectedEn} here, got ${p.actual})`
  }),
  'too-deeply-nested': (p) => ({
    zh: `GeometryCollection 嵌套超过 ${p.max} 层`,
    en: `GeometryCollections are nested more than ${p.max} deep`
  }),
  'position-too-short': (p) => ({
    zh: `坐标点只有 ${p.count} 个数值，至少需要经度和纬度两个`,
    en: `a position has ${p.count} number(s); it needs at least longitude and latitude`
  }),
  'non-numeric-coordinate': (p) => ({
    zh: `坐标值 ${p.value} 不是数字`,
    en: `coordinate value ${p.value} is not a number`
  }),
  'non-finite-coordinate': (p) => ({
    zh: `坐标值 ${p.value} 超出数值范围（过大或无穷）`,
    en: `coordinate value ${p.value} is out of numeric range (too large or infinite)`
  }),
  'ring-not-closed': (p) => ({
    zh: `第 ${p.ring} 个环未闭合（首尾坐标不同）`,
    en: `ring ${p.ring} is not closed (first and last positions differ)`
  }),
  'ring-too-short': (p) => ({
    zh: `第 ${p.ring} 个环只有 ${p.count} 个坐标点，闭合环至少需要 4 个`,
    en: `ring ${p.ring} has only ${p.count} positions; a closed ring needs at least 4`
  }),
  'line-too-short': (p) => ({
    zh: `线只有 ${p.count} 个坐标点，至少需要 2 个`,
    en: `the line has only ${p.count} position(s); it needs at least 2`
  }),
  'self-intersection': (p) => ({
    zh: `边界自相交（在 ${p.at} 附近）`,
    en: `the boundary intersects itself (near ${p.at})`
  }),
  'hole-outside-shell': (p) => ({
    zh: `第 ${p.ring} 个环是内环（洞），却不在外环之内（面积会算成负数或偏小）`,
    en: `ring ${p.ring} is a hole but does not lie inside the outer ring (its area would come out negative or too small)`
  }),
  'self-intersection-not-checked': (p) => ({
    zh: `边界过于复杂（${p.segments} 条边），未能完成自相交检查`,
    en: `the boundary is too complex (${p.segments} edges) to finish the self-intersection check`
  }),
  'coordinate-out-of-range': (p) => ({
    zh: `坐标 ${p.at} 超出经纬度范围（经度 ±180°，纬度 ±90°）`,
    en: `position ${p.at} is outside longitude ±180° / latitude ±90°`
  }),
  'crs-inconsistent': () => ({
    zh: '坐标值像经纬度，而文件中其余要素是以米为单位的投影坐标',
    en: 'its coordinates look like degrees while the rest of the file is in projected metres'
  }),
  'conversion-failed': (p) => ({
    zh: `坐标转换失败：${p.detail}`,
    en: `coordinate conversion failed: ${p.detail}`
  }),
  'geojson-spec': (p) => ({
    zh: `不完全符合 GeoJSON 规范：${p.detail}`,
    en: `does not fully follow the GeoJSON specification: ${p.detail}`
  }),
  'properties-not-object': (p) => ({
    zh: `properties 不是对象（实际为 ${p.actual}），属性已忽略`,
    en: `properties is not an object (got ${p.actual}); the attributes were ignored`
  }),
  'repeated-member': (p) => ({
    zh: `成员“${shorten(p.member)}”出现了不止一次，只用了最后一个`,
    en: `the member “${shorten(p.member)}” appears more than once; only the last one was used`
  }),
  'value-too-deep': (p) => ({
    zh: `“${p.field}”嵌套超过 ${p.max} 层，已略去，要素其余部分已导入`,
    en: `“${p.field}” is nested more than ${p.max} deep and was left out; the rest of the feature was imported`
  }),
  'html-in-text': (p) => ({
    zh: `属性“${p.field}”含有 HTML 标记，将按纯文本显示`,
    en: `attribute “${p.field}” contains HTML markup; it will be shown as plain text`
  }),
  'duplicate-id': (p) => ({
    zh: `id ${p.id} 与第 ${p.first} 个要素重复`,
    en: `id ${p.id} repeats that of feature #${p.first}`
  }),
  'dbf-record-deleted': () => ({
    zh: '属性表中该记录已标记为删除，未导入',
    en: 'its attribute record is marked as deleted, so it was not imported'
  }),
  'dbf-record-missing': () => ({
    zh: '.dbf 中没有对应的属性记录，要素没有属性',
    en: 'has no matching record in the .dbf, so it has no attributes'
  }),
  'shp-record-corrupt': (p) => ({
    zh: `“${p.file}”的第 ${p.record} 条记录已损坏，未导入：${p.detail}`,
    en: `record ${p.record} of “${p.file}” is damaged and was not imported: ${p.detailEn}`
  }),
  'shp-ring-dropped': (p) => ({
    zh: `“${p.file}”的第 ${p.record} 条记录有 ${p.count} 个内环不在任何外环之内，已舍弃`,
    en: `record ${p.record} of “${p.file}” has ${p.count} hole(s) outside every outer ring; they were left out`
  }),
  'shp-record-missing': () => ({
    zh: '.dbf 中有属性记录，但 .shp 中没有对应的几何（文件可能被截断）',
    en: 'has an attribute record in the .dbf but no geometry in the .shp (the file may be cut off)'
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

/** Problems that make a feature unusable; every other feature code is a warning. */
const ERROR_CODES = new Set([
  'not-a-feature',
  'empty-geometry',
  'unknown-geometry-type',
  'coordinates-missing',
  'bad-coordinate-nesting',
  'too-deeply-nested',
  'position-too-short',
  'non-numeric-coordinate',
  'non-finite-coordinate',
  'ring-not-closed',
  'ring-too-short',
  'line-too-short',
  'self-intersection',
  'hole-outside-shell',
  'coordinate-out-of-range',
  'crs-inconsistent',
  'conversion-failed',
  'dbf-record-deleted',
  'shp-record-missing',
  'shp-record-corrupt'
]);

/** True if a feature problem with this code makes the feature unusable. */
export function isErrorCode(code: string): boolean {
  return ERROR_CODES.has(code);
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

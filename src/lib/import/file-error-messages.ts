/**
 * The file-level errors of the importer's message catalogue (messages.ts): the file as a whole
 * cannot be read. One sentence each, in Chinese and English.
 */
import { megabytes, shorten, type Template } from './message-format';

/** File-level errors: the file as a whole cannot be read. One sentence each. */
export const FILE_ERRORS: Record<string, Template> = {
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

/**
 * Reads a dBASE (.dbf) attribute table. Written here instead of using shpjs's parser because that
 * one reads records from where a dBASE III header would end (a FoxPro header's padding is read
 * as data), lets a second field of the same name overwrite the first, turns a field named
 * `__proto__` into a prototype, and takes every record the header claims. Here the records
 * start where the header says, repeated names are kept (renamed, with a remark), only the
 * records asked for are read, and everything odd is said.
 */
import { ImportFileError } from './file-error';
import { notice } from '../import/messages';
import type { BilingualMessage } from '../import/types';

export interface DbfTable {
  records: Record<string, unknown>[];
  deleted: boolean[];
}

interface Field {
  name: string;
  type: string;
  offset: number;
  length: number;
}

const DBF_DELETED = 0x2a;
const FIELD_TERMINATOR = 0x0d;

function corrupt(file: string, detail: string, detailEn: string): ImportFileError {
  return new ImportFileError('shp-corrupt', { file, detail, detailEn });
}

function readFields(
  bytes: Uint8Array,
  headerLength: number,
  decode: (b: Uint8Array) => string,
  file: string,
  notices: BilingualMessage[]
): { fields: Field[]; width: number } {
  const fields: Field[] = [];
  const used = new Set<string>();
  let width = 1; // the deletion flag
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== FIELD_TERMINATOR; at += 32) {
    const raw = bytes.subarray(at, at + 11);
    const end = raw.indexOf(0);
    let name =
      decode(end < 0 ? raw : raw.subarray(0, end))
        .replace(/\0/g, '')
        .trim() || `FIELD${fields.length + 1}`;
    if (used.has(name)) {
      let n = 2;
      while (used.has(`${name}_${n}`)) n++;
      notices.push(notice('dbf-duplicate-field', { file, field: name, renamed: `${name}_${n}` }));
      name = `${name}_${n}`;
    }
    used.add(name);
    const length = bytes[at + 16];
    fields.push({ name, type: String.fromCharCode(bytes[at + 11]), offset: width, length });
    width += length;
  }
  if (fields.length === 0) throw corrupt(file, '.dbf 没有字段', 'the .dbf has no fields');
  return { fields, width };
}

function value(text: string, type: string): unknown {
  switch (type) {
    case 'N':
    case 'F':
    case 'O': {
      const number = parseFloat(text);
      return Number.isFinite(number) ? number : null;
    }
    case 'D': {
      const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
      return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
    }
    case 'L': {
      const c = text.trim().toLowerCase();
      if (c === 'y' || c === 't') return true;
      if (c === 'n' || c === 'f') return false;
      return null;
    }
    default:
      return text.replace(/\0/g, '').trim();
  }
}

/** Sets a property as an own data property, even one named `__proto__`. */
function setOwn(record: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(record, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  });
}

/**
 * The records of a .dbf, decoded with `encoding`; more than `maxRecords` is too-many-features.
 *
 * @example readDbfTable(bytes, 'gbk', 'parcels.dbf', 3, notices).records[0] // → { NAME: '凌河公园', … }
 */
export function readDbfTable(
  bytes: Uint8Array,
  encoding: string,
  file: string,
  maxRecords: number,
  notices: BilingualMessage[]
): DbfTable {
  if (bytes.length < 32) throw corrupt(file, '.dbf 文件头不完整', 'the .dbf header is incomplete');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length) {
    throw corrupt(
      file,
      `.dbf 文件头长度 ${headerLength} 无效`,
      `the .dbf header length ${headerLength} is not valid`
    );
  }
  const decoder = new TextDecoder(encoding);
  const decode = (b: Uint8Array) => decoder.decode(b);
  const { fields, width } = readFields(bytes, headerLength, decode, file, notices);
  if (width !== recordLength) {
    notices.push(notice('dbf-record-length', { file, declared: recordLength, fields: width }));
    if (width > recordLength || recordLength === 0) {
      throw corrupt(
        file,
        `记录长度 ${recordLength} 小于字段宽度之和 ${width}`,
        `its record length ${recordLength} is less than its fields' ${width} bytes`
      );
    }
  }
  const present = Math.floor((bytes.length - headerLength) / recordLength);
  const count = Math.min(declared, present);
  if (count > maxRecords) {
    throw new ImportFileError('too-many-features', { count: `> ${maxRecords}`, max: maxRecords });
  }
  const records: Record<string, unknown>[] = [];
  const deleted: boolean[] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    deleted.push(bytes[start] === DBF_DELETED);
    const record: Record<string, unknown> = {};
    for (const field of fields) {
      const cell = bytes.subarray(start + field.offset, start + field.offset + field.length);
      setOwn(record, field.name, value(decode(cell), field.type));
    }
    records.push(record);
  }
  if (declared > present) {
    notices.push(notice('dbf-truncated', { file, declared, read: present }));
  }
  return { records, deleted };
}

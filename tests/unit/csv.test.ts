import { describe, expect, it } from 'vitest';
import { csvCell, csvTable, csvText } from '$lib/csv';

describe('csvText', () => {
  it('defuses every start a spreadsheet runs as a formula, and only those', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvText(`${start}1`)).toBe(`'${start}1`);
    }
    for (const safe of ['1=1', 'a+b', '紫荆', ' =1', '', "'=1"]) expect(csvText(safe)).toBe(safe);
    expect(csvText(null)).toBe('');
  });
});

describe('csvCell', () => {
  it('quotes a cell with a quote, a comma or a line break, doubling its quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('plain text 地块')).toBe('plain text 地块');
    expect(csvCell('')).toBe('');
  });
});

describe('csvTable', () => {
  it('starts with a BOM, joins cells with commas and ends every line with CRLF', () => {
    expect(
      csvTable(
        ['a', 'b,c'],
        [
          ['1', '2'],
          ['x"y', '']
        ]
      )
    ).toBe('\uFEFFa,"b,c"\r\n1,2\r\n"x""y",\r\n');
    expect(csvTable(['only'], [])).toBe('\uFEFFonly\r\n');
  });
});

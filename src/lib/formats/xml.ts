/**
 * A small, strict XML parser producing just enough of the DOM for @tmcw/togeojson to convert KML.
 *
 * Why not DOMParser: it does not exist in Web Workers (nor in Node), and KML is parsed inside the
 * import worker. This parser handles elements, attributes, text, CDATA, comments, processing
 * instructions, the five predefined entities and character references. It refuses DOCTYPEs that
 * declare entities (no entity expansion, so no “billion laughs”) and reports the line and column
 * of any syntax error, or the element left open when the file was cut off.
 */
import { CDATA_SECTION_NODE, DOCUMENT_NODE, ELEMENT_NODE, TEXT_NODE, XNode } from './xml-dom';

export {
  CDATA_SECTION_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  TEXT_NODE,
  XNode,
  XNodeList
} from './xml-dom';

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
    readonly detailEn: string,
    /** Set when the text ended with this element still open. */
    readonly unclosedTag?: string
  ) {
    super(`${detailEn} at ${line}:${column}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY_REFERENCE = /&([^;&\s]*);?/g;
const CHARACTER_REFERENCE = /^#(x[0-9a-f]+|[0-9]+)$/i;

/** 1-based line and column of `offset` in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** appendChild, spelled out: the parser's hottest call, kept where V8 inlines it. */
function adopt(parent: XNode, child: XNode): void {
  child.parentNode = parent;
  parent.childNodes.push(child);
}

/** The character a `&#…;` reference names, or null if it names none. */
function characterReference(name: string): string | null {
  const numeric = CHARACTER_REFERENCE.exec(name);
  if (!numeric) return null;
  const digits = numeric[1];
  const code = digits[0].toLowerCase() === 'x' ? parseInt(digits.slice(1), 16) : Number(digits);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/**
 * One parse of one text: the position, the open elements and one method per kind of markup
 * (text, comment, CDATA, processing instruction, DOCTYPE, end tag, start tag). Each markup
 * method takes the offset of its `<` and returns the offset just after it.
 */
class XmlParser {
  readonly document = new XNode(DOCUMENT_NODE, '#document');
  private readonly stack: XNode[] = [this.document];

  constructor(private readonly text: string) {}

  parse(): XNode {
    const text = this.text;
    let i = 0;
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      if (lt < 0) {
        this.addText(text.slice(i), i);
        break;
      }
      if (lt > i) this.addText(text.slice(i, lt), i);
      i = this.markup(lt);
    }
    if (this.stack.length > 1) this.cutOff();
    if (!this.document.documentElement) {
      this.fail(text.length, '没有根元素', 'there is no root element');
    }
    return this.document;
  }

  private markup(at: number): number {
    const text = this.text;
    if (text.startsWith('<!--', at)) return this.skipPast('-->', at + 4);
    if (text.startsWith('<![CDATA[', at)) return this.cdata(at);
    if (text.startsWith('<?', at)) return this.skipPast('?>', at + 2);
    if (text.startsWith('<!', at)) return this.doctype(at);
    if (text.startsWith('</', at)) return this.endTag(at);
    return this.startTag(at);
  }

  private fail(offset: number, detail: string, detailEn: string): never {
    const { line, column } = position(this.text, offset);
    throw new XmlSyntaxError(line, column, detail, detailEn);
  }

  /** The text ended inside markup or with an element open. */
  private cutOff(): never {
    const open = this.stack.length > 1 ? this.current().nodeName : '';
    const { line, column } = position(this.text, this.text.length);
    throw new XmlSyntaxError(line, column, '文件在此处中断', 'the file ends here', open || '?');
  }

  private current(): XNode {
    return this.stack[this.stack.length - 1];
  }

  /** The offset of `needle` at or after `from`; the text is cut off if it is not there. */
  private find(needle: string, from: number): number {
    const found = this.text.indexOf(needle, from);
    if (found < 0) this.cutOff();
    return found;
  }

  /** Comments and processing instructions: skipped up to and including their `end`. */
  private skipPast(end: string, from: number): number {
    return this.find(end, from) + end.length;
  }

  private decodeEntities(raw: string, offset: number): string {
    if (raw.indexOf('&') < 0) return raw;
    return raw.replace(ENTITY_REFERENCE, (match, name: string, at: number) => {
      if (!match.endsWith(';')) {
        return this.fail(
          offset + at,
          '“&”后缺少实体名或分号',
          'a “&” is not followed by an entity name and “;”'
        );
      }
      if (name in PREDEFINED) return PREDEFINED[name];
      return (
        characterReference(name) ??
        this.fail(offset + at, `未知的实体 &${name};`, `unknown entity &${name};`)
      );
    });
  }

  private addText(raw: string, offset: number): void {
    if (this.stack.length === 1) {
      if (raw.trim()) this.fail(offset, '根元素之外有文字', 'text outside the root element');
      return;
    }
    const value = this.decodeEntities(raw, offset);
    const parent = this.current();
    const last = parent.childNodes[parent.childNodes.length - 1];
    if (last && last.nodeType === TEXT_NODE) {
      // Keep adjacent text in one node (what DOM normalize() would do).
      const merged = new XNode(TEXT_NODE, '#text', (last.nodeValue ?? '') + value);
      merged.parentNode = parent;
      parent.childNodes[parent.childNodes.length - 1] = merged;
    } else adopt(parent, new XNode(TEXT_NODE, '#text', value));
  }

  private cdata(at: number): number {
    const end = this.find(']]>', at + 9);
    if (this.stack.length === 1) {
      this.fail(at, '根元素之外有 CDATA', 'CDATA outside the root element');
    }
    adopt(
      this.current(),
      new XNode(CDATA_SECTION_NODE, '#cdata-section', this.text.slice(at + 9, end))
    );
    return end + 3;
  }

  /** A DOCTYPE, possibly with an internal subset in [ ], which must not declare entities. */
  private doctype(at: number): number {
    const text = this.text;
    const bracket = text.indexOf('[', at);
    const close = text.indexOf('>', at);
    let end = close;
    if (bracket >= 0 && (close < 0 || bracket < close)) {
      const subsetEnd = this.find(']', bracket);
      if (/<!ENTITY/i.test(text.slice(bracket, subsetEnd))) {
        this.fail(
          at,
          '不支持 DOCTYPE 中的实体声明',
          'entity declarations in a DOCTYPE are not supported'
        );
      }
      end = text.indexOf('>', subsetEnd);
    }
    if (end < 0) this.cutOff();
    return end + 1;
  }

  private endTag(at: number): number {
    NAME.lastIndex = at + 2;
    const name =
      NAME.exec(this.text)?.[0] ?? this.fail(at, '结束标签缺少名称', 'an end tag has no name');
    const end = this.find('>', at);
    if (this.text.slice(at + 2 + name.length, end).trim()) {
      this.fail(at, `结束标签 </${name}> 格式错误`, `malformed end tag </${name}>`);
    }
    const open = this.current();
    if (this.stack.length === 1) {
      this.fail(at, `多余的结束标签 </${name}>`, `unexpected end tag </${name}>`);
    }
    if (open.nodeName !== name) {
      this.fail(
        at,
        `结束标签 </${name}> 与开始标签 <${open.nodeName}> 不匹配`,
        `end tag </${name}> does not match <${open.nodeName}>`
      );
    }
    this.stack.pop();
    return end + 1;
  }

  private startTag(at: number): number {
    NAME.lastIndex = at + 1;
    const name =
      NAME.exec(this.text)?.[0] ??
      this.fail(at, '“<”后不是合法的元素名', 'a “<” is not followed by an element name');
    const element = new XNode(ELEMENT_NODE, name);
    const k = this.readAttributes(element, at + 1 + name.length);
    if (this.stack.length === 1 && this.document.children.length > 0) {
      this.fail(at, '有多个根元素', 'more than one root element');
    }
    adopt(this.current(), element);
    if (this.text[k] === '>') {
      this.stack.push(element);
      return k + 1;
    }
    return k + 2; // an empty element, `/>`
  }

  /** Reads the attributes from `k` into `element`; returns the offset of its `>` or `/>`. */
  private readAttributes(element: XNode, k: number): number {
    const text = this.text;
    for (;;) {
      while (k < text.length && /\s/.test(text[k])) k++;
      if (k >= text.length) this.cutOff();
      if (text[k] === '>' || text.startsWith('/>', k)) return k;
      k = this.readAttribute(element, k);
    }
  }

  /** Reads one `name="value"` starting at `k` into `element`; returns the offset after it. */
  private readAttribute(element: XNode, k: number): number {
    const text = this.text;
    const tag = element.nodeName;
    NAME.lastIndex = k;
    const attribute = NAME.exec(text)?.[0];
    if (!attribute || NAME.lastIndex === k) {
      this.fail(k, `元素 <${tag}> 的属性格式错误`, `malformed attribute in <${tag}>`);
    }
    k = NAME.lastIndex;
    while (/\s/.test(text[k] ?? '')) k++;
    if (text[k] !== '=')
      this.fail(k, `属性 ${attribute} 缺少“=”`, `attribute ${attribute} has no “=”`);
    k++;
    while (/\s/.test(text[k] ?? '')) k++;
    const quoteChar = text[k];
    if (quoteChar !== '"' && quoteChar !== "'") {
      this.fail(
        k,
        `属性 ${attribute} 的值缺少引号`,
        `the value of attribute ${attribute} is not quoted`
      );
    }
    const close = this.find(quoteChar, k + 1);
    element.attributeMap.set(attribute, this.decodeEntities(text.slice(k + 1, close), k + 1));
    return close + 1;
  }
}

/**
 * Parses XML text into an XNode document.
 *
 * @example parseXml('<kml><Placemark/></kml>').getElementsByTagName('Placemark').length // → 1
 */
export function parseXml(text: string): XNode {
  return new XmlParser(text).parse();
}

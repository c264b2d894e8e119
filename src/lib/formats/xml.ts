/**
 * A small, strict XML parser producing just enough of the DOM for @tmcw/togeojson to convert KML.
 *
 * Why not DOMParser: it does not exist in Web Workers (nor in Node), and KML is parsed inside the
 * import worker. This parser handles elements, attributes, text, CDATA, comments, processing
 * instructions, the five predefined entities and character references. It refuses DOCTYPEs that
 * declare entities (no entity expansion, so no “billion laughs”) and reports the line and column
 * of any syntax error, or the element left open when the file was cut off.
 */

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

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const DOCUMENT_NODE = 9;

/** A child list that also answers `item(i)`, as DOM NodeLists do. */
export class XNodeList extends Array<XNode> {
  item(index: number): XNode | null {
    return this[index] ?? null;
  }
}

export class XNode {
  readonly childNodes = new XNodeList();
  parentNode: XNode | null = null;
  readonly attributeMap = new Map<string, string>();

  constructor(
    readonly nodeType: number,
    /** Qualified name for elements (`gx:Track`), `#text`, `#cdata-section` or `#document`. */
    readonly nodeName: string,
    /** Text of text and CDATA nodes. */
    readonly nodeValue: string | null = null
  ) {}

  get tagName(): string {
    return this.nodeName;
  }

  get localName(): string {
    const colon = this.nodeName.indexOf(':');
    return colon >= 0 ? this.nodeName.slice(colon + 1) : this.nodeName;
  }

  /** The text of every descendant, in document order (iteratively: markup may nest deeply). */
  get textContent(): string {
    if (this.nodeValue !== null) return this.nodeValue;
    let text = '';
    const stack: XNode[] = [];
    for (let i = this.childNodes.length - 1; i >= 0; i--) stack.push(this.childNodes[i]);
    while (stack.length) {
      const node = stack.pop() as XNode;
      if (node.nodeValue !== null) text += node.nodeValue;
      else for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
    }
    return text;
  }

  get children(): XNode[] {
    return this.childNodes.filter((c) => c.nodeType === ELEMENT_NODE);
  }

  get attributes(): { name: string; value: string }[] {
    return [...this.attributeMap].map(([name, value]) => ({ name, value }));
  }

  get documentElement(): XNode | null {
    return this.children[0] ?? null;
  }

  getAttribute(name: string): string | null {
    return this.attributeMap.get(name) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributeMap.has(name);
  }

  /** Descendant elements with this qualified name (or all, for `*`), in document order. */
  getElementsByTagName(name: string): XNode[] {
    const found: XNode[] = [];
    const stack: XNode[] = [...this.childNodes].reverse();
    while (stack.length) {
      const node = stack.pop() as XNode;
      if (node.nodeType !== ELEMENT_NODE) continue;
      if (name === '*' || node.nodeName === name) found.push(node);
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
    }
    return found;
  }

  /** Like getElementsByTagName, matching the local name; namespaces are not tracked. */
  getElementsByTagNameNS(_namespace: string | null, localName: string): XNode[] {
    return this.getElementsByTagName('*').filter(
      (node) => localName === '*' || node.localName === localName
    );
  }

  /** Text is stored merged already, so there is nothing to normalise. */
  normalize(): void {}

  appendChild(child: XNode): void {
    child.parentNode = this;
    this.childNodes.push(child);
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Parses XML text into an XNode document.
 *
 * @example parseXml('<kml><Placemark/></kml>').getElementsByTagName('Placemark').length // → 1
 */
export function parseXml(text: string): XNode {
  const xmlDocument = new XNode(DOCUMENT_NODE, '#document');
  const stack: XNode[] = [xmlDocument];
  let i = 0;

  const position = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
  const fail = (offset: number, detail: string, detailEn: string): never => {
    const { line, column } = position(offset);
    throw new XmlSyntaxError(line, column, detail, detailEn);
  };
  const cutOff = (offset: number): never => {
    const open = stack.length > 1 ? stack[stack.length - 1].nodeName : '';
    const { line, column } = position(offset);
    throw new XmlSyntaxError(line, column, '文件在此处中断', 'the file ends here', open || '?');
  };

  const decodeEntities = (raw: string, offset: number): string => {
    if (raw.indexOf('&') < 0) return raw;
    return raw.replace(/&([^;&\s]*);?/g, (match, name: string, at: number) => {
      if (!match.endsWith(';'))
        return fail(
          offset + at,
          '“&”后缺少实体名或分号',
          'a “&” is not followed by an entity name and “;”'
        );
      if (name in PREDEFINED) return PREDEFINED[name];
      const numeric = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
      if (numeric) {
        const code =
          numeric[1][0].toLowerCase() === 'x'
            ? parseInt(numeric[1].slice(1), 16)
            : Number(numeric[1]);
        if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
      }
      return fail(offset + at, `未知的实体 &${name};`, `unknown entity &${name};`);
    });
  };

  const current = () => stack[stack.length - 1];
  const addText = (raw: string, offset: number) => {
    if (stack.length === 1) {
      if (raw.trim()) fail(offset, '根元素之外有文字', 'text outside the root element');
      return;
    }
    const value = decodeEntities(raw, offset);
    const last = current().childNodes[current().childNodes.length - 1];
    if (last && last.nodeType === TEXT_NODE) {
      // Keep adjacent text in one node (what DOM normalize() would do).
      const merged = new XNode(TEXT_NODE, '#text', (last.nodeValue ?? '') + value);
      merged.parentNode = current();
      current().childNodes[current().childNodes.length - 1] = merged;
    } else current().appendChild(new XNode(TEXT_NODE, '#text', value));
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(text.slice(i), i);
      break;
    }
    if (lt > i) addText(text.slice(i, lt), i);
    i = lt;

    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) cutOff(text.length);
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) cutOff(text.length);
      if (stack.length === 1) fail(i, '根元素之外有 CDATA', 'CDATA outside the root element');
      current().appendChild(
        new XNode(CDATA_SECTION_NODE, '#cdata-section', text.slice(i + 9, end))
      );
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) cutOff(text.length);
      i = end + 2;
    } else if (text.startsWith('<!', i)) {
      // DOCTYPE, possibly with an internal subset in [ ].
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      let end = close;
      if (bracket >= 0 && (close < 0 || bracket < close)) {
        const subsetEnd = text.indexOf(']', bracket);
        if (subsetEnd < 0) cutOff(text.length);
        if (/<!ENTITY/i.test(text.slice(bracket, subsetEnd))) {
          fail(
            i,
            '不支持 DOCTYPE 中的实体声明',
            'entity declarations in a DOCTYPE are not supported'
          );
        }
        end = text.indexOf('>', subsetEnd);
      }
      if (end < 0) cutOff(text.length);
      i = end + 1;
    } else if (text.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(text)?.[0];
      if (!name) fail(i, '结束标签缺少名称', 'an end tag has no name');
      const end = text.indexOf('>', i);
      if (end < 0) cutOff(text.length);
      if (text.slice(i + 2 + (name as string).length, end).trim()) {
        fail(i, `结束标签 </${name}> 格式错误`, `malformed end tag </${name}>`);
      }
      const open = current();
      if (stack.length === 1) fail(i, `多余的结束标签 </${name}>`, `unexpected end tag </${name}>`);
      if (open.nodeName !== name) {
        fail(
          i,
          `结束标签 </${name}> 与开始标签 <${open.nodeName}> 不匹配`,
          `end tag </${name}> does not match <${open.nodeName}>`
        );
      }
      stack.pop();
      i = end + 1;
    } else {
      NAME.lastIndex = i + 1;
      const name = NAME.exec(text)?.[0];
      if (!name) fail(i, '“<”后不是合法的元素名', 'a “<” is not followed by an element name');
      const element = new XNode(ELEMENT_NODE, name as string);
      let k = i + 1 + (name as string).length;
      for (;;) {
        while (k < text.length && /\s/.test(text[k])) k++;
        if (k >= text.length) cutOff(text.length);
        if (text[k] === '>' || text.startsWith('/>', k)) break;
        NAME.lastIndex = k;
        const attribute = NAME.exec(text)?.[0];
        if (!attribute || NAME.lastIndex === k) {
          fail(k, `元素 <${name}> 的属性格式错误`, `malformed attribute in <${name}>`);
        }
        k = NAME.lastIndex;
        while (/\s/.test(text[k] ?? '')) k++;
        if (text[k] !== '=')
          fail(k, `属性 ${attribute} 缺少“=”`, `attribute ${attribute} has no “=”`);
        k++;
        while (/\s/.test(text[k] ?? '')) k++;
        const quoteChar = text[k];
        if (quoteChar !== '"' && quoteChar !== "'") {
          fail(
            k,
            `属性 ${attribute} 的值缺少引号`,
            `the value of attribute ${attribute} is not quoted`
          );
        }
        const close = text.indexOf(quoteChar, k + 1);
        if (close < 0) cutOff(text.length);
        element.attributeMap.set(
          attribute as string,
          decodeEntities(text.slice(k + 1, close), k + 1)
        );
        k = close + 1;
      }
      if (stack.length === 1 && xmlDocument.children.length > 0) {
        fail(i, '有多个根元素', 'more than one root element');
      }
      current().appendChild(element);
      if (text[k] === '>') {
        stack.push(element);
        i = k + 1;
      } else i = k + 2;
    }
  }
  if (stack.length > 1) cutOff(text.length);
  if (!xmlDocument.documentElement) fail(text.length, '没有根元素', 'there is no root element');
  return xmlDocument;
}

/**
 * The few DOM nodes @tmcw/togeojson reads, built by the XML parser (xml.ts): elements with their
 * attributes, text and CDATA, and the document. Only what the KML conversion calls is here.
 */

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

/**
 * Finds where and why JSON text is invalid, after JSON.parse has said that it is. Engines word
 * (and sometimes omit) the position differently, so a small validator walks the text itself —
 * iteratively, so 100 000 nested brackets cannot overflow the stack.
 */

export interface JsonSyntaxProblem {
  /** Offset of the offending character (text length if the text ends too early). */
  offset: number;
  /** True if the text simply ends before the data is complete. */
  truncated: boolean;
  zh: string;
  en: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const NOT_JSON_LITERAL = /NaN|-?Infinity|undefined/y;

function describeCharacter(c: string): string {
  return JSON.stringify(c);
}

function problem(offset: number, zh: string, en: string): JsonSyntaxProblem {
  return { offset, truncated: false, zh, en };
}

const trailingComma = (at: number) => problem(at, '多余的逗号', 'trailing comma');
const singleQuotes = (at: number) =>
  problem(at, '用了单引号（JSON 要求双引号）', 'single quotes (JSON needs double quotes)');

/**
 * What the scanner expects next: a value, a `,` or closing bracket after one, or an object's
 * property name. Each has its own step below.
 */
type Expecting = 'value' | 'after-value' | 'key';

/** One walk over one text: its position, the open brackets and what comes next. */
class JsonScanner {
  i = 0;
  expecting: Expecting = 'value';
  /** True right after a comma, where a closing bracket is a trailing comma. */
  afterComma = false;
  readonly stack: string[] = [];

  constructor(readonly text: string) {}

  /** The text ends before the data is complete. */
  end(): JsonSyntaxProblem {
    return {
      offset: this.text.length,
      truncated: true,
      zh: '文件在数据结束前中断',
      en: 'the text ends before the data is complete'
    };
  }

  skipWhitespace(): void {
    const text = this.text;
    let i = this.i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  /** Scans a string starting at the quote at i; returns a problem or null (i after the string). */
  scanString(): JsonSyntaxProblem | null {
    const text = this.text;
    let i = this.i + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        return null;
      }
      if (c < 0x20) {
        return problem(
          i,
          '字符串中有未转义的换行或控制字符',
          'a string contains an unescaped line break or control character'
        );
      }
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === undefined) return this.end();
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            return problem(i, '无效的 \\u 转义', 'an invalid \\u escape');
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(next)) {
          return problem(i, `无效的转义 \\${next}`, `an invalid escape \\${next}`);
        }
        i += 2;
        continue;
      }
      i++;
    }
    return this.end();
  }

  /** Inside an object, where a property name (and its colon) must come. */
  key(c: string): JsonSyntaxProblem | null {
    if (c === '"') {
      const bad = this.scanString();
      if (bad) return bad;
      this.skipWhitespace();
      if (this.i >= this.text.length) return this.end();
      if (this.text[this.i] !== ':') {
        return problem(this.i, '属性名后缺少冒号', 'a “:” is missing after a property name');
      }
      this.i++;
      this.expecting = 'value';
      this.afterComma = false;
      return null;
    }
    if (c === '}' && this.afterComma) return trailingComma(this.i);
    if (c === "'") return singleQuotes(this.i);
    return problem(
      this.i,
      '此处应为带双引号的属性名',
      'a double-quoted property name is expected here'
    );
  }

  /** After a complete value: a comma, the closing bracket of the container, or nothing. */
  afterValue(c: string): JsonSyntaxProblem | null {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      return problem(
        this.i,
        '数据结束后还有多余的内容',
        'there is more text after the end of the data'
      );
    }
    if (c === ',') {
      this.i++;
      this.expecting = top === '{' ? 'key' : 'value';
      this.afterComma = true;
      return null;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      this.stack.pop();
      this.i++;
      return null;
    }
    const expected = top === '{' ? '“,” or “}”' : '“,” or “]”';
    return problem(
      this.i,
      `缺少逗号或括号（应为 ${expected}，实际是 ${describeCharacter(c)}）`,
      `missing ${expected} before ${describeCharacter(c)}`
    );
  }

  /** Where a value must start: a bracket, a string, a number or a literal. */
  value(c: string): JsonSyntaxProblem | null {
    if (c === '{' || c === '[') {
      this.open(c);
      return null;
    }
    if (c === ']' && this.afterComma) return trailingComma(this.i);
    if (c === '"') {
      const bad = this.scanString();
      if (bad) return bad;
      this.expecting = 'after-value';
      return null;
    }
    return this.scalar(c);
  }

  /** An opening bracket at i; an empty container is a complete value at once. */
  private open(c: '{' | '['): void {
    this.stack.push(c);
    this.i++;
    this.skipWhitespace();
    const close = c === '{' ? '}' : ']';
    if (this.text[this.i] === close) {
      this.stack.pop();
      this.i++;
      this.expecting = 'after-value';
    } else this.expecting = c === '{' ? 'key' : 'value';
    this.afterComma = false;
  }

  /** A number or true/false/null at i; anything else there is the problem. */
  private scalar(c: string): JsonSyntaxProblem | null {
    const { text, i } = this;
    NUMBER.lastIndex = i;
    LITERAL.lastIndex = i;
    NOT_JSON_LITERAL.lastIndex = i;
    const notJson = NOT_JSON_LITERAL.exec(text);
    if (notJson) {
      return problem(i, `${notJson[0]} 不是合法的 JSON 值`, `${notJson[0]} is not a JSON value`);
    }
    const literal = NUMBER.exec(text) ?? LITERAL.exec(text);
    if (literal && literal[0].length > 0) {
      this.i += literal[0].length;
      this.expecting = 'after-value';
      this.afterComma = false;
      return null;
    }
    if (c === "'") return singleQuotes(i);
    return problem(
      i,
      `意外的字符 ${describeCharacter(c)}`,
      `unexpected character ${describeCharacter(c)}`
    );
  }
}

/**
 * The first syntax error in `text`, or null if it is valid JSON.
 *
 * @example locateJsonError('{"a": [1, 2,]}') // → { offset: 12, zh: '多余的逗号', en: 'trailing comma', … }
 */
export function locateJsonError(text: string): JsonSyntaxProblem | null {
  const scanner = new JsonScanner(text);
  for (;;) {
    scanner.skipWhitespace();
    if (scanner.i >= text.length) {
      return scanner.expecting === 'after-value' && scanner.stack.length === 0
        ? null
        : scanner.end();
    }
    const c = text[scanner.i];
    const bad =
      scanner.expecting === 'key'
        ? scanner.key(c)
        : scanner.expecting === 'after-value'
          ? scanner.afterValue(c)
          : scanner.value(c);
    if (bad) return bad;
  }
}

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

/**
 * The first syntax error in `text`, or null if it is valid JSON.
 *
 * @example locateJsonError('{"a": [1, 2,]}') // → { offset: 12, zh: '多余的逗号', en: 'trailing comma', … }
 */
export function locateJsonError(text: string): JsonSyntaxProblem | null {
  const stack: string[] = [];
  let i = 0;
  let mode: 'value' | 'after-value' | 'key' = 'value';
  let afterComma = false;

  const problem = (offset: number, zh: string, en: string): JsonSyntaxProblem => ({
    offset,
    truncated: false,
    zh,
    en
  });
  const end = (): JsonSyntaxProblem => ({
    offset: text.length,
    truncated: true,
    zh: '文件在数据结束前中断',
    en: 'the text ends before the data is complete'
  });
  const skipWhitespace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  /** Scans a string starting at the quote at i; returns a problem or null (i after the string). */
  const scanString = (): JsonSyntaxProblem | null => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
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
        if (next === undefined) return end();
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
    return end();
  };

  for (;;) {
    skipWhitespace();
    if (i >= text.length) {
      if (mode === 'after-value' && stack.length === 0) return null;
      return end();
    }
    const c = text[i];

    if (mode === 'key') {
      if (c === '"') {
        const bad = scanString();
        if (bad) return bad;
        skipWhitespace();
        if (i >= text.length) return end();
        if (text[i] !== ':')
          return problem(i, '属性名后缺少冒号', 'a “:” is missing after a property name');
        i++;
        mode = 'value';
        afterComma = false;
        continue;
      }
      if (c === '}' && afterComma) return problem(i, '多余的逗号', 'trailing comma');
      if (c === "'")
        return problem(
          i,
          '用了单引号（JSON 要求双引号）',
          'single quotes (JSON needs double quotes)'
        );
      return problem(
        i,
        '此处应为带双引号的属性名',
        'a double-quoted property name is expected here'
      );
    }

    if (mode === 'after-value') {
      const top = stack[stack.length - 1];
      if (top === undefined)
        return problem(
          i,
          '数据结束后还有多余的内容',
          'there is more text after the end of the data'
        );
      if (c === ',') {
        i++;
        mode = top === '{' ? 'key' : 'value';
        afterComma = true;
        continue;
      }
      if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i++;
        continue;
      }
      const expected = top === '{' ? '“,” or “}”' : '“,” or “]”';
      return problem(
        i,
        `缺少逗号或括号（应为 ${expected}，实际是 ${describeCharacter(c)}）`,
        `missing ${expected} before ${describeCharacter(c)}`
      );
    }

    // mode === 'value'
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skipWhitespace();
      const close = c === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        mode = 'after-value';
      } else mode = c === '{' ? 'key' : 'value';
      afterComma = false;
      continue;
    }
    if (c === ']' && afterComma) return problem(i, '多余的逗号', 'trailing comma');
    if (c === '"') {
      const bad = scanString();
      if (bad) return bad;
      mode = 'after-value';
      continue;
    }
    NUMBER.lastIndex = i;
    LITERAL.lastIndex = i;
    NOT_JSON_LITERAL.lastIndex = i;
    const notJson = NOT_JSON_LITERAL.exec(text);
    if (notJson) {
      return problem(i, `${notJson[0]} 不是合法的 JSON 值`, `${notJson[0]} is not a JSON value`);
    }
    const literal = NUMBER.exec(text) ?? LITERAL.exec(text);
    if (literal && literal[0].length > 0) {
      i += literal[0].length;
      mode = 'after-value';
      afterComma = false;
      continue;
    }
    if (c === "'")
      return problem(
        i,
        '用了单引号（JSON 要求双引号）',
        'single quotes (JSON needs double quotes)'
      );
    return problem(
      i,
      `意外的字符 ${describeCharacter(c)}`,
      `unexpected character ${describeCharacter(c)}`
    );
  }
}

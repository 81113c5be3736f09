// A JSON value as its source text: a lossless tree whose leaves keep their exact text (numbers as written, strings
// with their escapes) and whose objects keep every key in order, duplicates too. For rewriting records without
// JSON.parse → JSON.stringify (which turns 12345678901234567890 into 12345678901234567000, 1.0 into 1, -0 into 0, and
// drops duplicate keys), and for comparing two texts as values without going through JS numbers. Strict RFC 8259;
// iterative (no recursion), so a deeply nested hostile record cannot overflow the stack.

export type JsonNode = JsonObject | JsonArray | JsonLeaf;
export interface JsonObject {
  kind: "object";
  entries: JsonEntry[];
}
export interface JsonArray {
  kind: "array";
  items: JsonNode[];
}
/** A string (raw: with its quotes and escapes, as written), a number (as written) or true / false / null. */
export interface JsonLeaf {
  kind: "string" | "number" | "literal";
  raw: string;
}
export interface JsonEntry {
  /** The key's source text, with its quotes and escapes. */
  rawKey: string;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset (in UTF-16 code units) of the character where the syntax breaks. */
    readonly offset: number,
  ) {
    super(message);
  }
}

const HEX = /^[0-9a-fA-F]{4}$/;

/** Parses `text` (one JSON value, whitespace around it allowed). Throws JsonSyntaxError. */
export function parseJsonSource(text: string): JsonNode {
  const n = text.length;
  let i = 0;
  const ws = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
  };
  const fail = (want: string): never => {
    const got = i >= n ? "the end of the text" : `'${text[i]}'`;
    throw new JsonSyntaxError(`expected ${want}, found ${got}`, i);
  };
  const str = (): string => {
    const start = i;
    for (i++; ; ) {
      if (i >= n) fail("a closing quote");
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!HEX.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail("four hex digits after \\u");
          }
          i += 6;
        } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) i += 2;
        else {
          i++;
          fail("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
      } else if (c < 0x20) fail("a character (control characters must be escaped)");
      else i++;
    }
    i++;
    return text.slice(start, i);
  };
  const digits = (): number => {
    const s = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - s;
  };
  const num = (): string => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (digits() === 0) fail("a digit");
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (digits() === 0) fail("a digit after the decimal point");
    }
    if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
      i++;
      if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
      if (digits() === 0) fail("a digit in the exponent");
    }
    return text.slice(start, i);
  };
  const key = (): string => {
    if (text.charCodeAt(i) !== 0x22) fail("a key in double quotes");
    const k = str();
    ws();
    if (text.charCodeAt(i) !== 0x3a) fail("':' after the key");
    i++;
    ws();
    return k;
  };

  const stack: { node: JsonObject | JsonArray; key: string }[] = [];
  ws();
  for (;;) {
    // a value starts at i
    let value: JsonNode;
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      i++;
      ws();
      const node: JsonObject | JsonArray = c === 0x7b ? { kind: "object", entries: [] } : { kind: "array", items: [] };
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (text.charCodeAt(i) === close) {
        i++;
        value = node;
      } else {
        stack.push({ node, key: c === 0x7b ? key() : "" });
        continue;
      }
    } else if (c === 0x22) value = { kind: "string", raw: str() };
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) value = { kind: "number", raw: num() };
    else if (text.startsWith("true", i) || text.startsWith("null", i)) {
      value = { kind: "literal", raw: text.slice(i, i + 4) };
      i += 4;
    } else if (text.startsWith("false", i)) {
      value = { kind: "literal", raw: "false" };
      i += 5;
    } else return fail("a value");
    // attach it, then a separator or the end of one or more containers
    for (;;) {
      const top = stack[stack.length - 1];
      ws();
      if (!top) {
        if (i < n) fail("the end of the value");
        return value;
      }
      if (top.node.kind === "array") top.node.items.push(value);
      else top.node.entries.push({ rawKey: top.key, value });
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i++;
        ws();
        if (top.node.kind === "object") top.key = key();
        break;
      }
      if (d === (top.node.kind === "array" ? 0x5d : 0x7d)) {
        i++;
        stack.pop();
        value = top.node;
        continue;
      }
      fail(top.node.kind === "array" ? "',' or ']'" : "',' or '}'");
    }
  }
}

/** The decoded text of a string's source (with its quotes). */
export function decodeJsonString(raw: string): string {
  return raw.indexOf("\\") === -1 ? raw.slice(1, -1) : (JSON.parse(raw) as string);
}

/** The value's source with no whitespace between tokens (leaves as written). */
export function stringifySource(node: JsonNode): string {
  const out: string[] = [];
  // explicit stack of [node, next child index]
  const stack: [JsonObject | JsonArray, number][] = [];
  let cur: JsonNode | undefined = node;
  for (;;) {
    if (cur) {
      if (cur.kind === "object" || cur.kind === "array") {
        out.push(cur.kind === "object" ? "{" : "[");
        stack.push([cur, 0]);
      } else out.push(cur.raw);
      cur = undefined;
    }
    const top = stack[stack.length - 1];
    if (!top) return out.join("");
    const [c, k] = top;
    const len = c.kind === "object" ? c.entries.length : c.items.length;
    if (k === len) {
      out.push(c.kind === "object" ? "}" : "]");
      stack.pop();
      continue;
    }
    if (k > 0) out.push(",");
    top[1] = k + 1;
    if (c.kind === "object") {
      out.push(c.entries[k].rawKey, ":");
      cur = c.entries[k].value;
    } else cur = c.items[k];
  }
}

/** Whether two values are equal as a JSON reader that keeps everything sees them: the same keys in the same order
 * (duplicates included; keys and strings compared decoded, so "\u00e9" equals "é"), numbers and literals as written
 * (12345678901234567890 is not 12345678901234567000, 1.0 is not 1, -0 is not 0). */
export function sameJsonValue(a: JsonNode, b: JsonNode): boolean {
  const stack: [JsonNode, JsonNode][] = [[a, b]];
  while (stack.length) {
    const [x, y] = stack.pop()!;
    if (x.kind !== y.kind) return false;
    if (x.kind === "object") {
      const ye = (y as JsonObject).entries;
      if (x.entries.length !== ye.length) return false;
      for (let k = 0; k < ye.length; k++) {
        const ex = x.entries[k];
        if (ex.rawKey !== ye[k].rawKey && decodeJsonString(ex.rawKey) !== decodeJsonString(ye[k].rawKey)) return false;
        stack.push([ex.value, ye[k].value]);
      }
    } else if (x.kind === "array") {
      const yi = (y as JsonArray).items;
      if (x.items.length !== yi.length) return false;
      for (let k = 0; k < yi.length; k++) stack.push([x.items[k], yi[k]]);
    } else if (x.raw !== (y as JsonLeaf).raw) {
      if (x.kind !== "string" || decodeJsonString(x.raw) !== decodeJsonString((y as JsonLeaf).raw)) return false;
    }
  }
  return true;
}

/** The bytes of a JSON text with the whitespace between tokens removed (strings copied as they are). The input must
 * be valid JSON; a copy is returned. */
export function compactJsonBytes(buf: Buffer, start: number, end: number): Buffer {
  const out = Buffer.allocUnsafe(end - start);
  let o = 0;
  let i = start;
  while (i < end) {
    const c = buf[i];
    if (c === 0x22) {
      // copy the string through its closing quote (one not preceded by an odd run of backslashes)
      let q = i + 1;
      for (;;) {
        q = buf.indexOf(0x22, q);
        if (q === -1 || q >= end) {
          q = end - 1;
          break;
        }
        let k = q - 1;
        while (buf[k] === 0x5c) k--;
        if ((q - 1 - k) % 2 === 0) break;
        q++;
      }
      o += buf.copy(out, o, i, q + 1);
      i = q + 1;
    } else {
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) out[o++] = c;
      i++;
    }
  }
  return out.subarray(0, o);
}

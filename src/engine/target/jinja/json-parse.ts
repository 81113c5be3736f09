/**
 * JSON as Python's json.loads reads it, for the values a template prints. JSON.parse loses two things Python keeps:
 * a float literal with an integral value (`1.0`, `2e3`: Python prints `1.0`, JS numbers print `1`) and the order of
 * object keys that look like array indexes (`{"b": 1, "1": 2}`: JS moves "1" first). `needsPythonJson` says whether
 * a JSON text has either (cheap, may say yes for nothing); `parsePythonJson` then parses it with PyFloat for such
 * floats and a Map for such objects, both of which the evaluator treats as Python would.
 */
import { PyFloat } from "./values.js";

const SUSPECT = /\d[.eE]|"\d+"\s*:/;

/** True when JSON.parse could lose what Python's json.loads keeps (then parse with parsePythonJson). */
export function needsPythonJson(text: string): boolean {
  return SUSPECT.test(text);
}

const INDEX_KEY = /^(?:0|[1-9]\d*)$/;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Parses JSON text like JSON.parse, keeping Python's view of floats and key order; throws SyntaxError on bad JSON. */
export function parsePythonJson(text: string): unknown {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(`Unexpected token in JSON at position ${i}`);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const string = (): string => {
    // The literal from the opening quote to its closing one, decoded by JSON.parse (escapes, surrogates).
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 34) break;
      i += c === 92 ? 2 : 1;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: [string, unknown][] = [];
      ws();
      if (text[i] === "}") i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') fail();
          const key = string();
          ws();
          if (text[i] !== ":") fail();
          i++;
          entries.push([key, value()]);
          ws();
          if (text[i] === ",") i++;
          else if (text[i] === "}") {
            i++;
            break;
          } else fail();
        }
      }
      if (entries.some(([k]) => INDEX_KEY.test(k))) {
        const m = new Map<unknown, unknown>();
        for (const [k, v] of entries) m.set(k, v);
        return m;
      }
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of entries) o[k] = v;
      return o;
    }
    if (c === "[") {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return out;
        } else fail();
      }
    }
    if (c === '"') return string();
    if (text.startsWith("true", i)) {
      i += 4;
      return true;
    }
    if (text.startsWith("false", i)) {
      i += 5;
      return false;
    }
    if (text.startsWith("null", i)) {
      i += 4;
      return null;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null) return fail();
    i += m[0].length;
    const n = Number(m[0]);
    const isFloat = m[1] !== undefined || m[2] !== undefined;
    return isFloat && Number.isInteger(n) ? new PyFloat(n) : n;
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

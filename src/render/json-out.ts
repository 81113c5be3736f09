// JSON.stringify(value, null, 2), in pieces: a report that lists every duplicate group of a big dataset is hundreds of
// MB of JSON, and one string of it (with the copies made to write it) took several times that in memory. The text is
// the same, byte for byte; the pieces are about `chunk` characters (16 Ki by default: small enough to be young
// garbage, not large objects that wait for a full collection), and the writer can wait for a slow reader between them.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Writable } from "node:stream";

/** The pieces of JSON.stringify(value, null, 2). */
export function* jsonPieces(value: unknown, chunk = 1 << 14): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  const put = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  const full = () => size >= chunk;
  const take = () => {
    const s = parts.join("");
    parts = [];
    size = 0;
    return s;
  };
  /** Writes one value (toJSON already applied) at `indent`, yielding full pieces on the way; returns false when it
   * has no JSON form (nothing written). */
  function* encode(v: unknown, indent: string): Generator<string, boolean> {
    if (skipped(v)) return false;
    if (v === null || typeof v !== "object") {
      put(JSON.stringify(v));
      return true;
    }
    if (flat(v)) {
      const s = JSON.stringify(v, null, 2);
      put(indent && s.includes("\n") ? s.replace(/\n/g, "\n" + indent) : s);
      return true;
    }
    const inner = indent + "  ";
    if (Array.isArray(v)) {
      if (v.length === 0) {
        put("[]");
        return true;
      }
      put("[");
      for (let i = 0; i < v.length; i++) {
        put(i === 0 ? "\n" + inner : ",\n" + inner);
        if (!(yield* encode(jsonValue(v[i], String(i)), inner))) put("null");
        if (full()) yield take();
      }
      put("\n" + indent + "]");
      return true;
    }
    let first = true;
    for (const [k, raw] of Object.entries(v)) {
      const x = jsonValue(raw, k);
      if (skipped(x)) continue;
      put((first ? "{\n" : ",\n") + inner + JSON.stringify(k) + ": ");
      first = false;
      yield* encode(x, inner);
      if (full()) yield take();
    }
    put(first ? "{}" : "\n" + indent + "}");
    return true;
  }
  if (!(yield* encode(jsonValue(value, ""), ""))) throw new TypeError("jsonPieces: the value has no JSON form");
  if (size > 0) yield take();
}

/** Writes JSON.stringify(value, null, 2) to `sink` in pieces. */
export function writeJson(value: unknown, sink: (text: string) => void, chunk?: number): void {
  for (const piece of jsonPieces(value, chunk)) sink(piece);
}

/** Writes JSON.stringify(value, null, 2) and a newline to a stream (standard output), waiting for a slow reader
 * between pieces instead of queueing the whole text in memory. */
export async function streamJson(value: unknown, out: Writable): Promise<void> {
  const gone = () => out.destroyed || out.errored !== null; // the reader went away (EPIPE): stop quietly
  for (const piece of jsonPieces(value)) {
    if (gone()) return;
    if (!out.write(piece)) await drained(out);
  }
  if (!gone()) out.write("\n");
}

/** Resolves when the stream can take more, or has failed or closed (then nothing more is written). */
function drained(out: Writable): Promise<void> {
  return new Promise<void>((done) => {
    const end = () => {
      out.off("drain", end);
      out.off("error", end);
      out.off("close", end);
      done();
    };
    out.on("drain", end);
    out.on("error", end);
    out.on("close", end);
  });
}

/** Writes JSON.stringify(value, null, 2) and a newline to the file `path` (its folder made when missing), in pieces.
 * Throws the file system's error. */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const fd = openSync(path, "w");
  try {
    writeJson(value, (text) => writeSync(fd, text));
    writeSync(fd, "\n");
  } finally {
    closeSync(fd);
  }
}

/** A value with no JSON form (undefined, a function, a symbol): left out of objects, null in arrays. */
const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/** The value JSON.stringify writes for `v` under `key` (its toJSON() when it has one). */
function jsonValue(v: unknown, key: string): unknown {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" ? (v as { toJSON(k: string): unknown }).toJSON(key) : v;
}

/** Objects and arrays with nothing but primitives inside are written by JSON.stringify itself (fast and exact). */
function flat(v: object): boolean {
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === "object") return false;
  return true;
}

// Small helpers to read and build source trees (engine/read/json-source.ts) without leaving the source level.
import { decodeJsonString, type JsonEntry, type JsonLeaf, type JsonNode, type JsonObject } from "../engine/read/json-source.js";

/** The entries of `obj` under `key` (JSON allows duplicates; readers keep the last). */
export function entriesOf(obj: JsonObject, key: string): JsonEntry[] {
  return obj.entries.filter((e) => keyOf(e) === key);
}

/** The value a reader sees under `key` (the last duplicate), or undefined. */
export function get(obj: JsonObject, key: string): JsonNode | undefined {
  for (let k = obj.entries.length - 1; k >= 0; k--) if (keyOf(obj.entries[k]) === key) return obj.entries[k].value;
  return undefined;
}

export function keyOf(e: JsonEntry): string {
  return decodeJsonString(e.rawKey);
}

/** The decoded text of a string node, or undefined for anything else. */
export function text(node: JsonNode | undefined): string | undefined {
  return node?.kind === "string" ? decodeJsonString(node.raw) : undefined;
}

export function isObject(node: JsonNode | undefined): node is JsonObject {
  return node?.kind === "object";
}

export const str = (s: string): JsonLeaf => ({ kind: "string", raw: JSON.stringify(s) });
export const entry = (key: string, value: JsonNode): JsonEntry => ({ rawKey: JSON.stringify(key), value });
export const object = (...entries: JsonEntry[]): JsonObject => ({ kind: "object", entries });

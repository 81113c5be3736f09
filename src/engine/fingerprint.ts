// Fingerprints of findings, for lists of accepted findings (the ignore file: privacy/ignore.ts).
//   rule:path:recordKey:pointer    e.g. secret:data/train.jsonl:3f9a1c2b7d4e:/messages/2/content
// The record key is a short hash of the record's source line, so a fingerprint survives lines moving up or down
// when other records are added or removed; the pointer says which field of the record.
import { createHash } from "node:crypto";

/** The first 12 hex digits (48 bits) of the SHA-256 of a record's source text. */
export function recordKey(source: string): string {
  return createHash("sha256").update(source).digest("hex").slice(0, 12);
}

export function fingerprint(rule: string, path: string, key: string, pointer: string): string {
  return `${rule}:${path}:${key}:${pointer}`;
}

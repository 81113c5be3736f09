// What the check says about records in the wrong container: records glued on one line, a JSON string holding JSON
// (double-encoded), a list of bare messages, and the file-level not-jsonl message of a JSON array or of records
// spread over several lines.
import type { DatasetFormat } from "./model.js";
import type { ContainerKind } from "./read/containers.js";
import { splitValues } from "./read/containers.js";
import { FORMAT_LABEL } from "./formats/detect.js";

/** Records glued on one line: each parsed, with its span; `cr` when bare CRs separate them (classic Mac line ends:
 * the file reads as one line). */
export interface Glued {
  records: { rec: unknown; start: number; end: number }[];
  cr: boolean;
}

/** The records of a line that holds two or more JSON values one after another ({...}{...}), each parsed; null when
 * the line is not that (one value, a value cut short, or a piece that is not JSON). Only called on lines that failed
 * to parse as a whole. */
export function gluedRecords(buf: Buffer, start: number, end: number): Glued | null {
  const { values, complete } = splitValues(buf, start, end);
  if (!complete || values.length < 2) return null;
  const records: Glued["records"] = [];
  let cr = false;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    // Only objects and arrays: "{...} 42" or "{...} garbage" is a broken line, not two records.
    if (buf[v.start] !== 0x7b && buf[v.start] !== 0x5b) return null;
    try {
      records.push({ rec: JSON.parse(buf.toString("utf8", v.start, v.end)), start: v.start, end: v.end });
    } catch {
      return null;
    }
    if (k > 0 && buf.subarray(values[k - 1].end, v.start).includes(0x0d)) cr = true;
  }
  return { records, cr };
}

/** The message for a JSON string whose text is itself a JSON object or array (json.dumps applied twice); null for
 * an ordinary string. */
export function doubleEncoded(s: string): string | null {
  const t = s.trim();
  if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) return null;
  let inner: unknown;
  try {
    inner = JSON.parse(t);
  } catch {
    return null;
  }
  if (Array.isArray(inner)) {
    return `the value is a JSON string that holds a JSON array of ${inner.length} item(s) (double-encoded: json.dumps applied twice): decode it once, e.g. \`jq -r . FILE | jq -c '.[]' > fixed.jsonl\`, or write the list itself instead of its JSON text (reported once for the file)`;
  }
  return `the value is a JSON string that holds a JSON object (double-encoded: json.dumps applied twice): decode it once, e.g. \`jq -c 'fromjson' FILE > fixed.jsonl\`, or write the record itself instead of its JSON text (reported once for the file: every line like this one is invalid)`;
}

/** A chat message on its own ({"role", "content"} or ShareGPT's {"from", "value"}), not a record that holds one. */
export function isBareMessage(rec: Record<string, unknown>): boolean {
  const has = (k: string) => Object.hasOwn(rec, k);
  if (has("messages") || has("conversations")) return false;
  return (typeof rec.role === "string" && (has("content") || has("tool_calls"))) || (typeof rec.from === "string" && has("value"));
}

/** The once-per-file not-jsonl message of a container file, from what its pass found. */
export function containerMessage(kind: ContainerKind, display: string, s: { records: number; bareMessages: number }, format: DatasetFormat | null): string {
  const fix = `\`chatml-gate fix ${display}\``;
  if (kind === "array" && s.bareMessages > 0 && s.bareMessages * 2 >= s.records) {
    return `the file is one JSON list of ${s.bareMessages} chat messages ({"role", "content"} each), not a list of conversations: if it is one conversation, write it as one record, \`jq -c '{messages: .}' ${display}\`; if it holds several, put each conversation's messages in its own {"messages": [...]} record, one per line`;
  }
  const what = `${s.records} ${format ? FORMAT_LABEL[format] + " " : ""}record${s.records === 1 ? "" : "s"}`;
  if (kind === "array") {
    const jq = `jq -c '.[]' ${display} > ${display.replace(/\.(jsonl|json)(\.gz)?$/i, "") + ".converted.jsonl"}`;
    return `the file is a JSON array of ${what}, not JSON Lines (one record per line); each record is checked at the line where it starts: rewrite it one record per line with ${fix} (or \`${jq}\`)`;
  }
  return `the file holds ${what} spread over several lines, not JSON Lines (one record per line); each record is checked at the line where it starts: rewrite it one record per line with ${fix} (or \`jq -c . ${display}\`)`;
}

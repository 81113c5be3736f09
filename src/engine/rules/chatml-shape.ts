// Shape of ChatML / OpenAI-chat records (and OpenAI preference records), checked by one JSON Schema
// (schemas/record.schema.json). ajv's errors are turned into stable rule IDs with messages that say how to fix them.
// The validators are ajv's standalone code for that schema, generated at build time (scripts/validators.mjs),
// so no process or worker thread compiles it at start-up.
import type { ErrorObject } from "ajv";
import { describe, roleHint } from "./roles.js";
import { detectOtherFormat } from "../formats/detect.js";

export { validateChatml, validatePreferenceOpenai } from "./record-validate.generated.js";

/** `pointer`: JSON pointer to the field the finding is about. */
export type Emit = (rule: string, message: string, pointer?: string) => void;

const MSG_PATH = /^(.*?\/(?:messages|preferred_output|non_preferred_output))\/(\d+)(\/.*)?$/;

function at(root: unknown, path: string): unknown {
  let v = root;
  for (const seg of path.split("/").slice(1)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return v;
}

/** A key as one JSON pointer segment (RFC 6901: "~" as "~0", "/" as "~1"). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function where(listPath: string, index: string): string {
  const list = listPath.replace(/^\//, "").replace(/\//g, ".");
  return `${list}[${index}]`;
}

/** Maps ajv errors to findings; one finding per rule and place. */
export function reportShapeErrors(record: unknown, errors: ErrorObject[], emit: Emit): void {
  const seen = new Set<string>();
  const once = (key: string, rule: string, message: string, pointer?: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    emit(rule, message, pointer);
  };
  // A failed anyOf (e.g. content: string | null | array of parts) comes with one error per branch. Type mismatches
  // of the other branches at the same place are noise; errors deeper inside (a bad part of an array) are the
  // real problem, and then the anyOf summary itself is noise.
  // Sets, not scans: a record with thousands of bad messages has tens of thousands of errors.
  const anyOfPaths = new Set<string>();
  const haveDeeper = new Set<string>(); // every proper ancestor path of a non-anyOf error
  for (const e of errors) {
    if (e.keyword === "anyOf") {
      anyOfPaths.add(e.instancePath);
      continue;
    }
    for (let p = e.instancePath; p !== ""; ) {
      p = p.slice(0, p.lastIndexOf("/")); // "/messages/5" -> "/messages" -> "" (the record)
      if (haveDeeper.has(p)) break; // its ancestors are in already
      haveDeeper.add(p);
    }
  }
  for (const e of errors) {
    if (e.keyword === "anyOf" && haveDeeper.has(e.instancePath)) continue;
    if (e.keyword !== "anyOf" && e.schemaPath.includes("anyOf") && anyOfPaths.has(e.instancePath)) continue;
    const m = MSG_PATH.exec(e.instancePath);
    if (!m) {
      mapRecordLevel(record, e, once);
      continue;
    }
    const [, listPath, index, rest = ""] = m;
    const w = where(listPath, index);
    const ptr = `${listPath}/${index}`;
    const msg = at(record, `${listPath}/${index}`);
    if (rest === "") {
      if (e.keyword === "type") once(`mno${w}`, "message-not-object", `${w} is ${describe(msg)}, not a message object like {"role": "user", "content": "..."}`, ptr);
      else if (e.keyword === "required") {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        if (missing === "role") once(`mr${w}`, "missing-role", `${w} has no "role": add "role": "user" | "assistant" | "system" | "tool"`, ptr);
      } else if (e.keyword === "additionalProperties") {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        once(`uk${key}`, "unknown-key", unknownMessageKey(key, w), `${ptr}/${escapePointer(key)}`);
      }
      continue;
    }
    const field = rest.split("/")[1];
    if (field === "role") {
      once(`ir${w}`, "invalid-role", `${w}: ${roleHint((msg as Record<string, unknown>).role)}`, `${ptr}/role`);
    } else if (field === "content") {
      const content = (msg as Record<string, unknown>).content;
      if (rest === "/content") {
        once(`ict${w}`, "invalid-content-type", `${w}.content is ${describe(content)}; it must be a string, or an array of parts like [{"type": "text", "text": "..."}]`, `${ptr}/content`);
      } else {
        const pm = /^\/content\/(\d+)/.exec(rest)!;
        const part = Array.isArray(content) ? content[Number(pm[1])] : undefined;
        const pt = part && typeof part === "object" ? (part as Record<string, unknown>).type : undefined;
        once(
          `icp${w}${pm[1]}`,
          "invalid-content-part",
          part === null || typeof part !== "object"
            ? `${w}.content[${pm[1]}] is ${describe(part)}, not a part object like {"type": "text", "text": "..."}`
            : pt === undefined
              ? `${w}.content[${pm[1]}] has no "type": ${converseHint(part as Record<string, unknown>)}use "text" (with "text") or "image_url" (with "image_url": {"url": ...})`
              : `${w}.content[${pm[1]}] has type ${describe(pt)}; known part types: text, image_url (also image, input_image, input_audio)`,
          `${ptr}/content/${pm[1]}`,
        );
      }
    } else if (field === "weight") {
      once(`iw${w}`, "invalid-weight", `${w}.weight is ${describe((msg as Record<string, unknown>).weight)}; it must be 0 (do not train on this message) or 1`, `${ptr}/weight`);
    } else if (field === "tool_calls" || field === "function_call") {
      const tm = /^\/tool_calls\/(\d+)/.exec(rest);
      const label = tm ? `${w}.tool_calls[${tm[1]}]` : `${w}.${field}`;
      once(`itc${label}`, "invalid-tool-call", `${label}: ${toolCallProblem(e)}`, tm ? `${ptr}/tool_calls/${tm[1]}` : `${ptr}/${field}`);
    } else {
      once(`${field}${w}`, "invalid-content-type", `${w}.${field} ${e.message ?? "is invalid"}; see schemas/record.schema.json`, `${ptr}/${field}`);
    }
  }
}

const CONVERSE_PARTS = new Set(["text", "image", "video", "document", "toolUse", "toolResult", "reasoningContent"]);

/** A part keyed by what it holds ({"text": ...}, {"image": {...}}) is Amazon Bedrock's Converse format: say so. */
function converseHint(part: Record<string, unknown>): string {
  const keys = Object.keys(part);
  return keys.length === 1 && CONVERSE_PARTS.has(keys[0])
    ? `{"${keys[0]}": ...} is Amazon Bedrock's Converse format (Nova fine-tuning), which this gate does not read; `
    : "";
}

function toolCallProblem(e: ErrorObject): string {
  if (e.keyword === "required") {
    const p = (e.params as { missingProperty: string }).missingProperty;
    if (p === "name") return `the call has no function name: add "function": {"name": "...", "arguments": "{...}"}`;
    if (p === "function") return `the call has no "function": use {"id": "call_1", "type": "function", "function": {"name": "...", "arguments": "{...}"}}`;
  }
  if (e.instancePath.endsWith("/name")) return `the function name is empty or not a string`;
  if (e.instancePath.endsWith("/arguments")) return `"arguments" must be a JSON object or a string holding JSON`;
  if (e.instancePath.endsWith("/type")) return `"type" must be "function"`;
  return `${e.instancePath.split("/").slice(-1)[0]} ${e.message ?? "is invalid"}; tool_calls is an array of {"id", "type": "function", "function": {"name", "arguments"}}`;
}

function unknownMessageKey(key: string, w: string): string {
  const lower = key.toLowerCase();
  if (lower === "role" || lower === "content") return `${w} has the key '${key}': keys are lowercase, rename it to '${lower}'`;
  if (lower === "text" || lower === "value" || lower === "message") return `${w} has '${key}' where 'content' is expected: rename it to 'content'`;
  if (lower === "from") return `${w} has 'from' (a ShareGPT key): use 'role', or set format: sharegpt`;
  return `${w} has the key '${key}', which chat messages do not define (trainers ignore or reject it): remove it or check its spelling`;
}

/** The fix for a record without a conversation that has a known non-chat shape, else "". */
function notChat(record: Record<string, unknown>): string {
  const other = detectOtherFormat(record);
  return other ? `it is ${other.label}, which this gate does not check: ${other.fix}` : "";
}

function mapRecordLevel(record: unknown, e: ErrorObject, once: (key: string, rule: string, message: string, pointer?: string) => void): void {
  const path = e.instancePath;
  const name = path.replace(/^\//, "").replace(/\//g, ".");
  if (e.keyword === "required") {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    const keys = record && typeof record === "object" ? Object.keys(record as object) : [];
    const scope = name ? `${name} ` : "the record ";
    if (missing === "messages") {
      const found = keys.length ? `; it has ${keys.slice(0, 5).map((k) => `'${k}'`).join(", ")}` : "";
      const fix = (!name && notChat(record as Record<string, unknown>)) || `put the conversation in "messages": [{"role": ..., "content": ...}]`;
      once("mm", "missing-messages", `${scope}has no "messages" array${found}: ${fix}`, `${path}/messages`);
    } else once(`req${missing}`, "missing-messages", `${scope}has no "${missing}"`, `${path}/${escapePointer(missing)}`);
    return;
  }
  if (/(^|\/)(messages|preferred_output|non_preferred_output)$/.test(path)) {
    if (e.keyword === "type") once(`mna${path}`, "messages-not-array", `${name} is ${describe(at(record, path))}; it must be an array of messages`, path);
    else if (e.keyword === "minItems") once(`em${path}`, "empty-messages", `${name} is empty: a record needs at least one user and one assistant message`, path);
    return;
  }
  if (e.keyword === "additionalProperties") return; // top-level extra keys are allowed (ids, metadata)
  if (e.keyword === "type" && /^(input\.)?(tools|functions)$/.test(name)) {
    once(`rl${path}type`, "invalid-content-type", `${name} is ${describe(at(record, path))}; it must be an array of tool definitions like [{"type": "function", "function": {"name": ..., "parameters": {...}}}]`, path);
    return;
  }
  once(`rl${path}${e.keyword}`, "invalid-content-type", `${name || "record"} ${e.message ?? "is invalid"}`, path || undefined);
}

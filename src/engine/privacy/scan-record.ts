// Credentials and personal data in one record: every string of the parsed record is scanned (message contents and
// parts, tool-call arguments, tool results, tool definitions, names, a top-level system, preference answers, and any
// other field: whatever is in the file is in the git history), each with the JSON pointer of its field. Found values
// stay in memory: findings show the kind, a public prefix and the length; every text the gate quotes is redacted.
import type { Conversation, Message } from "../model.js";
import { scanText, type Hit, type PrivacyRule, type ScanSwitches } from "./scan-text.js";

/** One distinct value found in a record. */
export interface ValueHit {
  rule: PrivacyRule;
  kind: string;
  name: string;
  /** Public prefix ("ghp_") or "". */
  shown: string;
  fix: string;
  /** JSON pointer of the first field that holds it ("" for the line of a record that is not valid JSON). */
  pointer: string;
  value: string;
  /** Times it occurs in the record. */
  count: number;
}

/** Findings kept per record (a hostile record of a million e-mail addresses is one record). */
const MAX_PER_RECORD = 100;
/** The shortest string that can hold a finding (an IPv4 address, a@b.cd). */
const MIN_LENGTH = 7;

function pointerOf(path: (string | number)[], depth: number): string {
  let p = "";
  for (let i = 0; i < depth; i++) p += "/" + String(path[i]).replace(/~/g, "~0").replace(/\//g, "~1");
  return p;
}

function collect(s: string, on: ScanSwitches, key: string | undefined, path: (string | number)[], depth: number, found: Map<string, ValueHit>, scratch: Hit[]): void {
  scratch.length = 0;
  scanText(s, on, key, scratch, MAX_PER_RECORD);
  if (scratch.length === 0) return;
  let where: string | undefined;
  for (const h of scratch) {
    const value = s.slice(h.start, h.end);
    const seen = found.get(value);
    if (seen) {
      seen.count++;
      continue;
    }
    if (found.size >= MAX_PER_RECORD) return;
    found.set(value, { rule: h.rule, kind: h.kind, name: h.name, shown: h.shown, fix: h.fix, pointer: (where ??= pointerOf(path, depth)), value, count: 1 });
  }
}

const scratchHits: Hit[] = [];
// the walk's stacks, reused from record to record
const stackValues: unknown[] = [];
const stackDepths: number[] = [];
const stackKeys: (string | number)[] = [];
const walkPath: (string | number)[] = [];

/** Recursion this deep at most; deeper values are walked with an explicit stack (records can nest thousands of
 * levels deep, which would overflow the call stack). */
const MAX_RECURSION = 64;

/** The values found in a parsed record, in field order (null: none). */
export function scanRecord(rec: unknown, on: ScanSwitches): ValueHit[] | null {
  const found = new Map<string, ValueHit>();
  walkPath.length = 0;
  visit(rec, 0, on, found);
  return found.size > 0 ? [...found.values()] : null;
}

function visit(v: unknown, d: number, on: ScanSwitches, found: Map<string, ValueHit>): void {
  if (found.size >= MAX_PER_RECORD) return;
  if (typeof v === "string") {
    if (v.length >= MIN_LENGTH) {
      const k = d > 0 ? walkPath[d - 1] : undefined;
      collect(v, on, typeof k === "string" ? k : undefined, walkPath, d, found, scratchHits);
    }
    return;
  }
  if (v === null || typeof v !== "object") return;
  if (d >= MAX_RECURSION) {
    walkStack(v, d, on, found);
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x === null || (typeof x !== "string" && typeof x !== "object")) continue;
      walkPath[d] = i;
      visit(x, d + 1, on, found);
    }
  } else {
    for (const key in v) {
      const x = (v as Record<string, unknown>)[key];
      if (x === null || (typeof x !== "string" && typeof x !== "object")) continue;
      walkPath[d] = key;
      visit(x, d + 1, on, found);
    }
  }
}

/** The same walk with an explicit stack, from a value at depth `base` (walkPath holds the path to it). */
function walkStack(root: unknown, base: number, on: ScanSwitches, found: Map<string, ValueHit>): void {
  const values = stackValues;
  const depths = stackDepths;
  const keys = stackKeys;
  const path = walkPath;
  const bottom = values.length;
  values.push(root);
  depths.push(base);
  keys.push(base > 0 ? path[base - 1] : 0);
  while (values.length > bottom && found.size < MAX_PER_RECORD) {
    const v = values.pop();
    const d = depths.pop()!;
    const k = keys.pop()!;
    if (d > 0) path[d - 1] = k;
    if (typeof v === "string") {
      if (v.length >= MIN_LENGTH) collect(v, on, typeof k === "string" ? k : undefined, path, d, found, scratchHits);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const x = v[i];
        if (x !== null && (typeof x === "string" || typeof x === "object")) {
          values.push(x);
          depths.push(d + 1);
          keys.push(i);
        }
      }
    } else if (v !== null && typeof v === "object") {
      // keys in reverse order, so that fields are visited (and reported) in order
      const start = values.length;
      for (const key in v) {
        const x = (v as Record<string, unknown>)[key];
        if (x !== null && (typeof x === "string" || typeof x === "object")) {
          values.push(x);
          depths.push(d + 1);
          keys.push(key);
        }
      }
      reverseFrom(values, start);
      reverseFrom(depths, start);
      reverseFrom(keys, start);
    }
  }
  values.length = depths.length = keys.length = bottom;
}

function reverseFrom<T>(a: T[], start: number): void {
  for (let i = start, j = a.length - 1; i < j; i++, j--) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/** The values found in the text of a line that is not valid JSON (its strings cannot be decoded). */
export function scanLine(text: string, on: ScanSwitches): ValueHit[] | null {
  const found = new Map<string, ValueHit>();
  collect(text, on, undefined, [], 0, found, scratchHits);
  return found.size > 0 ? [...found.values()] : null;
}

/** Replaces found values wherever the gate quotes dataset text. */
export class Redactor {
  private readonly entries: { value: string; escaped: string; forms: string[]; mask: string }[];
  constructor(hits: readonly ValueHit[]) {
    this.entries = hits
      .map((h) => {
        const escaped = JSON.stringify(h.value).slice(1, -1);
        // a message may quote text with its whitespace collapsed (a template's error message, on one line)
        const collapsed = h.value.replace(/\s+/g, " ");
        return { value: h.value, escaped, forms: [...new Set([h.value, escaped, collapsed])], mask: `[REDACTED:${h.kind}]` };
      })
      .sort((a, b) => b.value.length - a.value.length);
  }

  /** `t` with every occurrence of a found value masked. */
  text(t: string): string {
    let out = t;
    for (const e of this.entries) if (out.includes(e.value)) out = out.split(e.value).join(e.mask);
    return out;
  }

  /** A message that may quote record text, escaped as JSON, with its whitespace collapsed, and cut short ("…"):
   * every occurrence of a value, of one of those forms, or of a cut-off start of one (8 characters or more), is
   * masked. */
  quoted(msg: string): string {
    let out = msg;
    for (const e of this.entries) {
      const heads = e.forms.map((f) => f.slice(0, Math.min(8, f.length)));
      let from = 0;
      for (;;) {
        // the next place a form starts, masked as far as the form that matches longest goes there
        let at = -1;
        for (const h of heads) {
          const j = out.indexOf(h, from);
          if (j >= 0 && (at < 0 || j < at)) at = j;
        }
        if (at < 0) break;
        let best = 0;
        e.forms.forEach((form, k) => {
          if (!out.startsWith(heads[k], at)) return;
          let l = heads[k].length;
          while (l < form.length && at + l < out.length && out[at + l] === form[l]) l++;
          if ((l === form.length || l >= 8) && l > best) best = l;
        });
        if (best > 0) {
          out = out.slice(0, at) + e.mask + out.slice(at + best);
          from = at + e.mask.length;
        } else from = at + 1;
      }
    }
    return out;
  }

  /** The record's source line with the values (as JSON writes them) masked: what its fingerprint key hashes, so
   * that no hash of a value is ever published. */
  line(raw: string): string {
    let out = raw;
    for (const e of this.entries) if (out.includes(e.escaped)) out = out.split(e.escaped).join(`\u0000${e.mask}:${e.value.length}`);
    return out;
  }

  /** The conversation as the reports may quote it (system prompts, openings, categories, the samples that travel in
   * partial results). */
  conversation(conv: Conversation): Conversation {
    const m = (msg: Message): Message => {
      const text = this.text(msg.text);
      return text === msg.text ? msg : { ...msg, text };
    };
    const out: Conversation = { ...conv, messages: conv.messages.map(m) };
    if (conv.rejected) out.rejected = conv.rejected.map(m);
    if (conv.category !== undefined) out.category = this.text(conv.category);
    return out;
  }
}

// One rule that fires many times inside one record is one finding that says how many times and where: a record of
// 100,000 user messages in a row is "messages 0–99,999: 99,999 consecutive same-role pairs", not 99,999 rows that
// push every other finding of the file out of the report.
//
//   const rec = new RecordFindings();
//   rec.add(rule, message, pointer?, onceKey?)   // while the record's rules run
//   rec.flush((rule, message, pointer, count, once) => ...)   // once, when the record is done: one call per rule, in
//                                                // the order the rules first fired; count 1 = the finding as made
//
// Findings reported once per file (unknown keys) are collapsed too, and keep their parts (key, message, pointer):
// a key the file had in an earlier chunk is only known when the chunks are merged, and the merge rebuilds the finding
// from the parts that are left (collapse()), so the report does not depend on where the chunks were cut.

/** One repeat of a once-per-file finding: its key, message and pointer. */
export interface OncePart {
  key: string;
  message: string;
  pointer?: string;
}

/** `once`: the parts of a finding reported once per file (every repeat had a key), else undefined. */
export type FlushFinding = (rule: string, message: string, pointer: string | undefined, count: number, once?: OncePart[]) => void;

/** Where a rule's repeats are: the list their pointers index and the span of indexes. */
interface Span {
  /** The list the pointers index ("/messages"), "" before the first, null when they differ or one has no index. */
  list: string | null;
  min: number;
  max: number;
  /** The first few distinct indexes, in order (for "messages 2, 5 and 9"). */
  some: number[];
}

interface Repeat extends Span {
  rule: string;
  message: string;
  pointer: string | undefined;
  count: number;
  /** The parts of once-per-file repeats; null when one of the repeats had no key. */
  once: OncePart[] | null | undefined;
}

/** What a rule's repeats are called in "messages 0–9: 9 <noun>"; `pair`: its pointer names the second message of
 * a pair, so the span starts one message earlier. */
const NOUNS: Record<string, { noun: string; pair?: boolean }> = {
  "consecutive-same-role": { noun: "consecutive same-role pairs", pair: true },
  "system-not-first": { noun: "system messages after the conversation started" },
  "empty-content": { noun: "messages without visible content" },
  "special-token": { noun: "messages with chat-template tokens" },
  "template-placeholder": { noun: "messages with unfilled placeholders" },
  "lone-surrogate": { noun: "texts with unpaired surrogates" },
  "invalid-role": { noun: "messages with a role the format does not allow" },
  "missing-role": { noun: "messages without a role" },
  "missing-content": { noun: "messages without content" },
  "message-not-object": { noun: "messages that are not objects" },
  "invalid-content-type": { noun: "values of the wrong type" },
  "invalid-content-part": { noun: "content parts that are not valid" },
  "invalid-weight": { noun: "weights that are not valid" },
  "invalid-tool-call": { noun: "tool calls or tool definitions that are not valid" },
  "unmatched-tool-call": { noun: "tool results that answer no call" },
  "unknown-key": { noun: "keys the format does not define" },
  "unsupported-key": { noun: "keys the target does not accept" },
  "role-order": { noun: "messages in an order the target refuses" },
  "template-unread-field": { noun: "message fields the chat template never reads" },
  "template-eot-split": { noun: "end-of-turn markers that are not one token" },
};

const SOME = 4;
const INDEXED = /^(.*?)\/(\d+)(?:\/|$)/;

const emptySpan = (): Span => ({ list: "", min: Infinity, max: -Infinity, some: [] });

function widen(s: Span, pointer: string | undefined): void {
  if (s.list === null) return;
  const m = pointer === undefined ? null : INDEXED.exec(pointer);
  if (!m || (s.list !== "" && s.list !== m[1])) {
    s.list = null;
    return;
  }
  s.list = m[1];
  const i = Number(m[2]);
  if (i < s.min) s.min = i;
  if (i > s.max) s.max = i;
  if (s.some.length < SOME && !s.some.includes(i)) s.some.push(i);
}

export class RecordFindings {
  /** The rules that fired in this record (a few at most: found by a linear search). */
  private fired: Repeat[] = [];

  /** `onceKey`: the finding is reported once per file (the caller took the key). */
  add(rule: string, message: string, pointer?: string, onceKey?: string): void {
    let r: Repeat | undefined;
    for (const x of this.fired) if (x.rule === rule) r = x;
    if (!r) this.fired.push((r = { rule, message, pointer, count: 0, ...emptySpan(), once: undefined }));
    r.count++;
    if (onceKey === undefined) r.once = null;
    else if (r.once !== null) (r.once ??= []).push({ key: onceKey, message, pointer });
    widen(r, pointer);
  }

  /** Reports each rule's finding (or its summary) and empties the record. */
  flush(out: FlushFinding): void {
    if (this.fired.length === 0) return;
    const all = this.fired;
    this.fired = [];
    for (const r of all) out(r.rule, r.count === 1 ? r.message : summary(r.rule, r.message, r.count, r), r.pointer, r.count, r.once ?? undefined);
  }
}

/** The finding that once-per-file parts of one record make (what is left of them after a merge). */
export function collapse(rule: string, parts: readonly OncePart[]): { message: string; pointer: string | undefined; count: number } {
  const first = parts[0];
  if (parts.length === 1) return { message: first.message, pointer: first.pointer, count: 1 };
  const span = emptySpan();
  for (const p of parts) widen(span, p.pointer);
  return { message: summary(rule, first.message, parts.length, span), pointer: first.pointer, count: parts.length };
}

const fmt = (n: number) => n.toLocaleString("en-US");

function summary(rule: string, first: string, count: number, span: Span): string {
  const info = NOUNS[rule];
  const noun = info?.noun ?? `${rule} findings`;
  const where = span.list ? spanText(span, info?.pair === true) : "";
  return where ? `${where}: ${fmt(count)} ${noun}; the first: ${first}` : `${fmt(count)} ${noun} in this record; the first: ${first}`;
}

/** "messages 0–99,999", or "messages 2, 5 and 9" for a few scattered ones. */
function spanText(r: Span, pair: boolean): string {
  const name = (r.list ?? "").replace(/^\//, "").replace(/\//g, ".") || "items";
  const lo = pair ? r.min - 1 : r.min;
  const distinct = r.some.length < SOME ? r.some.length : Infinity;
  if (!pair && distinct === 1) return `${name}[${r.min}]`;
  if (!pair && distinct <= 3 && r.max - r.min + 1 > distinct) {
    const xs = r.some.map(fmt);
    return `${name} ${xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`}`;
  }
  return `${name} ${fmt(lo)}–${fmt(r.max)}`;
}

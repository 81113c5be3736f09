// One rule that fires many times inside one record is one finding that says how many times and where: a record of
// 100,000 user messages in a row is "messages 0–99,999: 99,999 consecutive same-role pairs", not 99,999 rows that
// push every other finding of the file out of the report.
//
//   const rec = new RecordFindings();
//   rec.add(rule, message, pointer?)        // while the record's rules run
//   rec.flush((rule, message, pointer, count) => ...)   // once, when the record is done: one call per rule, in the
//                                                       // order the rules first fired; count 1 = the finding as made

export type FlushFinding = (rule: string, message: string, pointer: string | undefined, count: number) => void;

interface Repeat {
  rule: string;
  message: string;
  pointer: string | undefined;
  count: number;
  /** The list the pointers index ("/messages"), "" before the first, null when they differ or one has no index. */
  list: string | null;
  min: number;
  max: number;
  /** The first few distinct indexes, in order (for "messages 2, 5 and 9"). */
  some: number[];
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
  "invalid-tool-call": { noun: "tool calls that are not valid" },
  "unmatched-tool-call": { noun: "tool results that answer no call" },
};

const SOME = 4;
const INDEXED = /^(.*?)\/(\d+)(?:\/|$)/;

export class RecordFindings {
  /** The rules that fired in this record (a few at most: found by a linear search). */
  private fired: Repeat[] = [];

  add(rule: string, message: string, pointer?: string): void {
    let r: Repeat | undefined;
    for (const x of this.fired) if (x.rule === rule) r = x;
    if (!r) this.fired.push((r = { rule, message, pointer, count: 0, list: "", min: Infinity, max: -Infinity, some: [] }));
    r.count++;
    if (r.list === null) return;
    const m = pointer === undefined ? null : INDEXED.exec(pointer);
    if (!m || (r.list !== "" && r.list !== m[1])) {
      r.list = null;
      return;
    }
    r.list = m[1];
    const i = Number(m[2]);
    if (i < r.min) r.min = i;
    if (i > r.max) r.max = i;
    if (r.some.length < SOME && !r.some.includes(i)) r.some.push(i);
  }

  /** Reports each rule's finding (or its summary) and empties the record. */
  flush(out: FlushFinding): void {
    if (this.fired.length === 0) return;
    const all = this.fired;
    this.fired = [];
    for (const r of all) out(r.rule, r.count === 1 ? r.message : summary(r), r.pointer, r.count);
  }
}

const fmt = (n: number) => n.toLocaleString("en-US");

function summary(r: Repeat): string {
  const info = NOUNS[r.rule];
  const noun = info?.noun ?? `${r.rule} findings`;
  const where = r.list ? span(r, info?.pair === true) : "";
  return where ? `${where}: ${fmt(r.count)} ${noun}; the first: ${r.message}` : `${fmt(r.count)} ${noun} in this record; the first: ${r.message}`;
}

/** "messages 0–99,999", or "messages 2, 5 and 9" for a few scattered ones. */
function span(r: Repeat, pair: boolean): string {
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

// Exact duplicates and conflicting answers, in one streaming pass, within and across the files of a run.
//
//   const ex = new ExactDuplicateIndex(store, paths, { caseInsensitive });
//   ex.add(conv, id): Finding[]    // id = RecordStore id; returns `exact-duplicate` / `conflicting-answers` warnings
//                                  // = ex.addKeys(exactKeys(conv, caseInsensitive), id)
//   exactKeys(conv, ci)            // pure per-record keys (worker side); addKeys replays them in run order
//   ex.rootOf(id)                  // id of the first record with the same normalised conversation (itself if first)
//   ex.result(): ExactResult
//
// A record's key is a ~64-bit hash (two independent 32-bit hashes) of its roles and texts (messages, then a
// marker and the `rejected` messages for preference data) after NFC, optional lowercasing and whitespace folding
// (runs of whitespace -> one space, trimmed), plus each message's image/media keys and tool-call keys (function name
// and canonical arguments, model.ts Message.calls), and the record's tool definitions (Conversation.tools, first);
// the per-message text keys come from the record's one text scan (text-scan.ts). Records without tools or calls hash
// exactly as their text, roles and media alone.
// Memory per record: one int32 (root) + ~16 bytes of hash table; per distinct prompt: ~28 bytes.
// Conflicting answers: the prompt is the tool definitions and every message before the last assistant message; a
// record whose prompt equals the FIRST record with that prompt but whose last assistant message (text and tool calls)
// differs gets a finding naming it. Preference records (a rejected side) and KTO-labelled ones share prompts by
// design and are not checked.
// Train/eval splits (one defect, one finding): a record whose earlier copy sits in a file split-paired with its own
// (train <-> eval, either order) is a leak, which leakage.ts reports; it is an exact duplicate only of an earlier copy
// in its own file or in a file not paired with it (the finding names the earliest such copy), and is counted as one
// only then. Groups whose first record is in a split file remember the first member of each other file for that.
// A conflicting answer across a split pair waits for finish (`crossConflicts`): the leak, when there is one, is
// reported instead.
import type { Conversation, Finding } from "../model.js";
import { fmix32, GrowableI32, GrowableU32, GrowableU8, HashTable64, mix32 } from "./hash.js";
import type { SplitPair } from "./splits.js";
import type { RecordStore } from "./record-store.js";
import { scanRecord, type RecordScan } from "./text-scan.js";

export interface DupMember {
  path: string;
  line: number;
}
export interface ExactGroup {
  /** Number of records in the group. */
  size: number;
  /** Every record of the group, in run order: the first is the kept one. */
  members: DupMember[];
}
export interface ExactResult {
  /** Records that repeat an earlier record (group size - 1, summed). */
  duplicateRecords: number;
  /** duplicateRecords / records. */
  rate: number;
  /** Records with the same prompt as an earlier record but a different final answer. */
  conflictingAnswers: number;
  /** Number of duplicate groups (= groups.length). */
  groupCount: number;
  /** Every group, largest first (ties: earliest first member). Bounded by the records; the Markdown and text
   * reports show the first few. */
  groups: ExactGroup[];
}

export class ExactDuplicateIndex {
  private readonly table = new HashTable64(4096);
  private readonly roots = new GrowableI32(4096);
  private readonly prompts = new HashTable64(4096);
  private readonly promptFirst = new GrowableI32();
  private readonly answer1 = new GrowableU32();
  private readonly answer2 = new GrowableU32();
  private duplicates = 0;
  private conflicts = 0;
  /** Counted duplicates (later copies outside a split pair) per file index. */
  private readonly dupPerFile: number[] = [];
  /** Per record: 1 when it is a counted duplicate (only kept when splits are set). */
  private readonly counted = new GrowableU8();
  /** Group root (in a split file) -> [file, first member id, file, id, ...] of its members in other files. */
  private readonly crossFirst = new Map<number, number[]>();
  /** Reported conflicting answers, in record order: record id, the earlier record (8 bytes per conflict). */
  private readonly conflictPairs = new GrowableI32();
  /** Conflicting answers across a split pair, decided at finish: record id, first record with the prompt. */
  private readonly crossConflicts: number[] = [];
  private readonly paired: (a: number, b: number) => boolean;
  private readonly splitFiles: Set<number>;

  constructor(
    private readonly store: RecordStore,
    private readonly paths: string[],
    private readonly opts: { caseInsensitive?: boolean; splits?: readonly SplitPair[] } = {},
  ) {
    const pairs = new Set<string>();
    this.splitFiles = new Set<number>();
    for (const p of opts.splits ?? []) {
      pairs.add(`${p.train}:${p.eval}`);
      pairs.add(`${p.eval}:${p.train}`);
      this.splitFiles.add(p.train);
      this.splitFiles.add(p.eval);
    }
    this.paired = pairs.size ? (a, b) => a !== b && pairs.has(`${a}:${b}`) : () => false;
  }

  rootOf(id: number): number {
    return this.roots.data[id];
  }
  isDuplicate(id: number): boolean {
    return this.roots.data[id] !== id;
  }

  add(conv: Conversation, id: number): Finding[] {
    return this.addKeys(exactKeys(conv, !!this.opts.caseInsensitive), id);
  }

  /** Replays one record's keys (see exactKeys); `id` must be the next RecordStore id. */
  addKeys(k: ExactKeys, id: number): Finding[] {
    const first = this.table.putIfAbsent(k.exact1, k.exact2, id);
    this.roots.push(first < 0 ? id : first);
    if (first >= 0) {
      const prior = this.splitFiles.size ? this.priorCopy(first, id) : first;
      if (this.splitFiles.size) this.counted.push(prior >= 0 ? 1 : 0);
      if (prior < 0) return []; // only copies across a train/eval pair: the leak is reported (leakage.ts)
      this.duplicates++;
      const f = this.store.file(id);
      this.dupPerFile[f] = (this.dupPerFile[f] ?? 0) + 1;
      return [
        {
          rule: "exact-duplicate",
          severity: "warning",
          line: this.store.line(id),
          message: `Exact duplicate of ${this.where(prior)} (same roles and contents after whitespace/Unicode normalisation): remove this line or the earlier one.`,
          related: this.member(prior),
        },
      ];
    }
    if (this.splitFiles.size) this.counted.push(0);
    if (!k.hasAnswer) return [];
    const a1 = k.answer1 >>> 0;
    const a2 = k.answer2 >>> 0;
    const slot = this.prompts.putIfAbsent(k.prompt1, k.prompt2, this.promptFirst.length);
    if (slot < 0) {
      this.promptFirst.push(id);
      this.answer1.push(a1);
      this.answer2.push(a2);
      return [];
    }
    if (this.answer1.data[slot] === a1 && this.answer2.data[slot] === a2) return [];
    const before = this.promptFirst.data[slot];
    if (this.paired(this.store.file(before), this.store.file(id))) {
      this.crossConflicts.push(id, before);
      return [];
    }
    this.conflicts++;
    this.conflictPairs.push(id);
    this.conflictPairs.push(before);
    return [this.conflict(id, before)];
  }

  /** The earlier record that record `id` got a conflicting-answers finding about, or -1. */
  conflictOf(id: number): number {
    const c = this.conflictPairs.data;
    let lo = 0;
    let hi = this.conflictPairs.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = c[2 * mid];
      if (x === id) return c[2 * mid + 1];
      if (x < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private conflict(id: number, before: number): Finding {
    return {
      rule: "conflicting-answers",
      severity: "warning",
      line: this.store.line(id),
      message: `Same prompt as ${this.where(before)} but a different final assistant answer: keep one answer, or make the prompts differ if both are intended.`,
      related: this.member(before),
    };
  }

  /** The earliest earlier copy of record `id` (group `root`) that is not across a train/eval pair from it, or -1;
   * remembers `id` as its file's first member of the group when the group's first record is in a split file. */
  private priorCopy(root: number, id: number): number {
    const f = this.store.file(id);
    const rf = this.store.file(root);
    if (!this.splitFiles.has(rf) || rf === f) return root;
    let list = this.crossFirst.get(root);
    let prior = this.paired(rf, f) ? -1 : root;
    if (prior < 0 && list) {
      for (let i = 0; i < list.length; i += 2) if (!this.paired(list[i], f) && (prior < 0 || list[i + 1] < prior)) prior = list[i + 1];
    }
    if (!list) this.crossFirst.set(root, (list = []));
    let seen = false;
    for (let i = 0; i < list.length && !seen; i += 2) seen = list[i] === f;
    if (!seen) list.push(f, id);
    return prior;
  }

  /** Whether record `id` counts as an exact duplicate (a later copy outside a train/eval pair). */
  isCountedDuplicate(id: number): boolean {
    return this.roots.data[id] !== id && (!this.splitFiles.size || this.counted.data[id] === 1);
  }

  /** The conflicting answers across train/eval pairs whose pair is not reported as a leak (`leaked`: eval record ids
   * that leak); call once, at finish. */
  crossSplitConflicts(leaked: ReadonlySet<number>): Array<{ file: number; finding: Finding }> {
    const out: Array<{ file: number; finding: Finding }> = [];
    const c = this.crossConflicts;
    for (let i = 0; i < c.length; i += 2) {
      if (leaked.has(c[i]) || leaked.has(c[i + 1])) continue;
      this.conflicts++;
      out.push({ file: this.store.file(c[i]), finding: this.conflict(c[i], c[i + 1]) });
    }
    return out;
  }

  /** Counted duplicate records per file index. */
  perFile(files: number): number[] {
    return Array.from({ length: files }, (_, i) => this.dupPerFile[i] ?? 0);
  }

  result(): ExactResult {
    const n = this.store.count;
    const roots = this.roots.data;
    const size = new Int32Array(n);
    const counted = new Int32Array(n);
    for (let id = 0; id < n; id++) {
      size[roots[id]]++;
      if (this.isCountedDuplicate(id)) counted[roots[id]]++;
    }
    // Groups with a counted duplicate (a group that is only a train/eval copy is a leak, not a duplicate group).
    const groupRoots: number[] = [];
    for (let id = 0; id < n; id++) if (roots[id] === id && counted[id] > 0) groupRoots.push(id);
    groupRoots.sort((a, b) => size[b] - size[a] || a - b);
    // Every group with every member (bounded by the records): each group's list made at its final size, found by an
    // index per root (no map of hundreds of thousands of entries).
    const groups: ExactGroup[] = groupRoots.map((r) => ({ size: size[r], members: new Array<DupMember>(size[r]) }));
    const groupOf = new Int32Array(n).fill(-1);
    groupRoots.forEach((r, g) => (groupOf[r] = g));
    const filled = new Int32Array(groups.length);
    for (let id = 0; id < n; id++) {
      const g = groupOf[roots[id]];
      if (g >= 0) groups[g].members[filled[g]++] = this.member(id);
    }
    return {
      duplicateRecords: this.duplicates,
      rate: n ? this.duplicates / n : 0,
      conflictingAnswers: this.conflicts,
      groupCount: groupRoots.length,
      groups,
    };
  }

  private member(id: number): DupMember {
    return { path: this.paths[this.store.file(id)] ?? String(this.store.file(id)), line: this.store.line(id) };
  }
  private where(id: number): string {
    const m = this.member(id);
    return `${m.path}:${m.line}`;
  }
}

/** Per-record keys of the exact analyses (all unsigned 32-bit). */
export interface ExactKeys {
  /** ~64-bit key of the whole normalised record. */
  exact1: number;
  exact2: number;
  /** The record has a final assistant message with at least one message before it (conflicting answers apply). */
  hasAnswer: boolean;
  /** Key of every message before the last assistant message, and of that message's text (0 when !hasAnswer). */
  prompt1: number;
  prompt2: number;
  answer1: number;
  answer2: number;
}

const SEED1 = 0x811c9dc5;
const SEED2 = 0x9747b28c;

/** The exact-duplicate and conflicting-answers keys of a record. Pure (no state kept between calls). `scan` is the
 * record's text scan (text-scan.ts) made with the same `caseInsensitive`, when the caller already has it. */
export function exactKeys(conv: Conversation, caseInsensitive: boolean, scan?: RecordScan): ExactKeys {
  const k = KEY_SCRATCH;
  const hasAnswer = exactKeysInto(conv, scan ?? scanRecord(conv, caseInsensitive), k, 0);
  return { exact1: k[0], exact2: k[1], hasAnswer, prompt1: k[2], prompt2: k[3], answer1: k[4], answer2: k[5] };
}

const KEY_SCRATCH = new Uint32Array(6);

/** exactKeys() from the record's scan `s` (made with the same caseInsensitive), written to out[at..at + 5] as exact1,
 * exact2, prompt1, prompt2, answer1, answer2 (no object, no boxed numbers: the per-record hot path); returns
 * hasAnswer. */
export function exactKeysInto(conv: Conversation, s: RecordScan, out: Uint32Array, at: number): boolean {
  const msgs = conv.messages;
  let last = -1;
  for (let i = msgs.length - 1; i >= 0; i--) {
    if (msgs[i].role === "assistant") {
      last = i;
      break;
    }
  }
  let k1 = SEED1;
  let k2 = SEED2;
  // The tools a record declares are part of its prompt: the same question with other tools available may rightly
  // get another answer.
  if (conv.tools !== undefined) ({ k1, k2 } = mixString(k1, k2, conv.tools, 0x1a));
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < msgs.length; i++) {
    if (i === last) {
      p1 = fmix32(k1);
      p2 = fmix32(k2 ^ 0x2545f491);
    }
    const m = msgs[i];
    k1 = mix32(mix32(k1, roleHash(m.role)), s.e1[i]);
    k2 = mix32(mix32(k2, roleHash(m.role) ^ 0x5bd1e995), s.e2[i]);
    // Images and other media are part of the message: same text about a different picture is another record.
    if (m.media) for (const key of m.media) ({ k1, k2 } = mixString(k1, k2, key, 0x1c));
    // So are its tool calls: the same text calling another function (or with other arguments) is another record.
    if (m.calls) for (const key of m.calls) ({ k1, k2 } = mixString(k1, k2, key, 0x1b));
  }
  if (conv.rejected) {
    k1 = mix32(k1, 0x1d);
    k2 = mix32(k2, 0x1d);
    for (let j = 0; j < conv.rejected.length; j++) {
      const m = conv.rejected[j];
      const i = msgs.length + j;
      k1 = mix32(mix32(k1, roleHash(m.role)), s.e1[i]);
      k2 = mix32(mix32(k2, roleHash(m.role) ^ 0x5bd1e995), s.e2[i]);
      if (m.media) for (const key of m.media) ({ k1, k2 } = mixString(k1, k2, key, 0x1c));
      if (m.calls) for (const key of m.calls) ({ k1, k2 } = mixString(k1, k2, key, 0x1b));
    }
  }
  out[at] = fmix32(k1);
  out[at + 1] = fmix32(k2 ^ 0x2545f491);
  // Preference pairs and KTO-labelled completions share their prompt by design: no conflicting answers.
  const hasAnswer = last > 0 && !conv.rejected && conv.label === undefined;
  out[at + 2] = hasAnswer ? p1 : 0;
  out[at + 3] = hasAnswer ? p2 : 0;
  let a1 = 0;
  let a2 = 0;
  if (hasAnswer) {
    a1 = s.e1[last];
    a2 = s.e2[last];
    // The answer is its text and the calls it makes.
    const calls = msgs[last].calls;
    if (calls) {
      let c1 = a1 | 0;
      let c2 = a2 | 0;
      for (const key of calls) ({ k1: c1, k2: c2 } = mixString(c1, c2, key, 0x1b));
      a1 = fmix32(c1);
      a2 = fmix32(c2 ^ 0x2545f491);
    }
  }
  out[at + 4] = a1;
  out[at + 5] = a2;
  return hasAnswer;
}

const roles = new Map<string, number>();
function roleHash(role: string): number {
  let h = roles.get(role);
  if (h === undefined) {
    h = 0x1e;
    for (let i = 0; i < role.length; i++) h = Math.imul(h ^ role.charCodeAt(i), 0x01000193);
    h = fmix32(h ^ role.length);
    if (roles.size < 64) roles.set(role, h);
  }
  return h;
}

/** Folds the string `s` into both running keys after `marker` (0x1c media, 0x1b tool calls, 0x1a tool definitions). */
function mixString(k1: number, k2: number, s: string, marker: number): { k1: number; k2: number } {
  k1 = mix32(k1, marker);
  k2 = mix32(k2, marker);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    k1 = mix32(k1, c);
    k2 = Math.imul(k2 ^ c, 0x01000193);
  }
  return { k1: mix32(k1, s.length), k2: fmix32(k2 ^ s.length) };
}

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
// (runs of whitespace -> one space, trimmed). Image/tool-call counts are not part of the key.
// Memory per record: one int32 (root) + ~16 bytes of hash table; per distinct prompt: ~28 bytes.
// Conflicting answers: the prompt is every message before the last assistant message; a record whose prompt
// equals the FIRST record with that prompt but whose last assistant text differs gets a finding naming it.
import type { Conversation, Finding, Message } from "../model.js";
import { GrowableI32, GrowableU32, Hash64, HashTable64 } from "./hash.js";
import type { RecordStore } from "./record-store.js";
import { exactForm, hashFolded } from "./text-normalize.js";

export interface DupMember {
  path: string;
  line: number;
}
export interface ExactGroup {
  /** Number of records in the group (members may be truncated to the first 50). */
  size: number;
  /** First member is the kept one (earliest in run order). */
  members: DupMember[];
}
export interface ExactResult {
  /** Records that repeat an earlier record (group size - 1, summed). */
  duplicateRecords: number;
  /** duplicateRecords / records. */
  rate: number;
  /** Records with the same prompt as an earlier record but a different final answer. */
  conflictingAnswers: number;
  /** Total number of duplicate groups (groups below is capped). */
  groupCount: number;
  /** Largest groups first (ties: earliest first member), at most 100. */
  groups: ExactGroup[];
}

export const MAX_GROUPS = 100;
export const MAX_MEMBERS = 50;

export class ExactDuplicateIndex {
  private readonly table = new HashTable64(4096);
  private readonly roots = new GrowableI32(4096);
  private readonly prompts = new HashTable64(4096);
  private readonly promptFirst = new GrowableI32();
  private readonly answer1 = new GrowableU32();
  private readonly answer2 = new GrowableU32();
  private duplicates = 0;
  private conflicts = 0;

  constructor(
    private readonly store: RecordStore,
    private readonly paths: string[],
    private readonly opts: { caseInsensitive?: boolean } = {},
  ) {}

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
      this.duplicates++;
      return [
        {
          rule: "exact-duplicate",
          severity: "warning",
          line: this.store.line(id),
          message: `Exact duplicate of ${this.where(first)} (same roles and contents after whitespace/Unicode normalisation): remove this line or the earlier one.`,
        },
      ];
    }
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
    this.conflicts++;
    return [
      {
        rule: "conflicting-answers",
        severity: "warning",
        line: this.store.line(id),
        message: `Same prompt as ${this.where(this.promptFirst.data[slot])} but a different final assistant answer: keep one answer, or make the prompts differ if both are intended.`,
      },
    ];
  }

  /** Duplicate (non-first) records per file index. */
  perFile(files: number): number[] {
    const out = new Array<number>(files).fill(0);
    const n = this.store.count;
    for (let id = 0; id < n; id++) if (this.roots.data[id] !== id) out[this.store.file(id)]++;
    return out;
  }

  result(): ExactResult {
    const n = this.store.count;
    const roots = this.roots.data;
    const size = new Int32Array(n);
    for (let id = 0; id < n; id++) size[roots[id]]++;
    const groupRoots: number[] = [];
    for (let id = 0; id < n; id++) if (roots[id] === id && size[id] > 1) groupRoots.push(id);
    groupRoots.sort((a, b) => size[b] - size[a] || a - b);
    const top = groupRoots.slice(0, MAX_GROUPS);
    const slot = new Map<number, DupMember[]>();
    for (const r of top) slot.set(r, []);
    for (let id = 0; id < n; id++) {
      const list = slot.get(roots[id]);
      if (list && list.length < MAX_MEMBERS) list.push(this.member(id));
    }
    return {
      duplicateRecords: this.duplicates,
      rate: n ? this.duplicates / n : 0,
      conflictingAnswers: this.conflicts,
      groupCount: groupRoots.length,
      groups: top.map((r) => ({ size: size[r], members: slot.get(r) as DupMember[] })),
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

// Scratch hashers: module-level, reset on every call, so exactKeys is a pure function of its arguments.
const recHash = new Hash64();
const ansHash = new Hash64();

/** The exact-duplicate and conflicting-answers keys of a record. Pure (no state kept between calls). */
export function exactKeys(conv: Conversation, caseInsensitive: boolean): ExactKeys {
  const ci = caseInsensitive;
  const msgs = conv.messages;
  let last = -1;
  for (let i = msgs.length - 1; i >= 0; i--) {
    if (msgs[i].role === "assistant") {
      last = i;
      break;
    }
  }
  const rec = recHash;
  rec.reset();
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < msgs.length; i++) {
    if (i === last) {
      p1 = rec.d1();
      p2 = rec.d2();
    }
    feedMessage(rec, msgs[i], ci);
  }
  if (conv.rejected) {
    rec.code(0x1d);
    for (const m of conv.rejected) feedMessage(rec, m, ci);
  }
  const exact1 = rec.d1();
  const exact2 = rec.d2();
  if (last <= 0) return { exact1, exact2, hasAnswer: false, prompt1: 0, prompt2: 0, answer1: 0, answer2: 0 };
  const ans = ansHash;
  ans.reset();
  hashFolded(ans, exactForm(msgs[last].text, ci));
  return { exact1, exact2, hasAnswer: true, prompt1: p1, prompt2: p2, answer1: ans.d1(), answer2: ans.d2() };
}

function feedMessage(h: Hash64, m: Message, ci: boolean): void {
  const role = m.role;
  for (let i = 0; i < role.length; i++) h.code(role.charCodeAt(i));
  h.code(0x1e);
  const fed = hashFolded(h, exactForm(m.text, ci));
  h.code(fed & 0xffff);
  h.code(fed >>> 16);
  // Images and other media are part of the message: same text about a different picture is another record.
  if (m.media) {
    for (const key of m.media) {
      h.code(0x1c);
      for (let i = 0; i < key.length; i++) h.code(key.charCodeAt(i));
    }
  }
}

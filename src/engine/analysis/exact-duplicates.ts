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
// Memory per distinct record: ~16-32 bytes of hash table (its value is the record's id, the root of its later copies);
// per duplicate record: its id and its root (8 bytes); per distinct prompt: ~28-44 bytes.
// Conflicting answers: the prompt is the tool definitions and every message before the last assistant message; a
// record whose prompt equals the FIRST record with that prompt but whose last assistant message (text and tool calls)
// differs gets a finding naming it.
import type { Conversation, Finding } from "../model.js";
import { fmix32, GrowableI32, GrowableU32, HashTable64, mix32 } from "./hash.js";
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
  /** Whole-record key -> the id of the first record with it (the root of its group). */
  private table = new HashTable64(4096);
  /** The duplicate (non-first) records in increasing id order, and the root of each: every other record is its own
   * root, so nothing is kept per distinct record beyond its table entry. */
  private readonly dupIds = new GrowableI32(1024);
  private readonly dupRoots = new GrowableI32(1024);
  private prompts = new HashTable64(4096);
  private promptFirst = new GrowableI32();
  private answer1 = new GrowableU32();
  private answer2 = new GrowableU32();
  private sealed = false;
  private duplicates = 0;
  private conflicts = 0;

  constructor(
    private readonly store: RecordStore,
    private readonly paths: string[],
    private readonly opts: { caseInsensitive?: boolean } = {},
  ) {}

  rootOf(id: number): number {
    const at = this.dupAt(id);
    return at < 0 ? id : this.dupRoots.data[at];
  }
  isDuplicate(id: number): boolean {
    return this.dupAt(id) >= 0;
  }
  /** Index of `id` in dupIds, or -1 (binary search; the last one first, as the replay asks about the record it just
   * added). */
  private dupAt(id: number): number {
    const ids = this.dupIds.data;
    let hi = this.dupIds.length - 1;
    if (hi < 0 || id > ids[hi]) return -1;
    if (ids[hi] === id) return hi;
    let lo = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = ids[mid];
      if (x === id) return mid;
      if (x < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  add(conv: Conversation, id: number): Finding[] {
    return this.addKeys(exactKeys(conv, !!this.opts.caseInsensitive), id);
  }

  /** Ends the pass: the key tables are let go (they are the largest part of this index, and only the duplicates'
   * roots are read after the pass), so that the memory they hold serves near-duplicate verification. */
  seal(): void {
    this.sealed = true;
    this.table = new HashTable64(16);
    this.prompts = new HashTable64(16);
    this.promptFirst = new GrowableI32(16);
    this.answer1 = new GrowableU32(16);
    this.answer2 = new GrowableU32(16);
  }

  /** Replays one record's keys (see exactKeys); `id` must be the next RecordStore id. */
  addKeys(k: ExactKeys, id: number): Finding[] {
    if (this.sealed) throw new Error("ExactDuplicateIndex: a record added after seal()");
    const first = this.table.putIfAbsent(k.exact1, k.exact2, id);
    if (first >= 0) {
      this.dupIds.push(id);
      this.dupRoots.push(first);
      this.duplicates++;
      return [
        {
          rule: "exact-duplicate",
          severity: "warning",
          line: this.store.line(id),
          message: `Exact duplicate of ${this.where(first)} (same roles and contents after whitespace/Unicode normalisation): remove this line or the earlier one.`,
          related: this.member(first),
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
        related: this.member(this.promptFirst.data[slot]),
      },
    ];
  }

  /** Duplicate (non-first) records per file index. */
  perFile(files: number): number[] {
    const out = new Array<number>(files).fill(0);
    for (let i = 0; i < this.dupIds.length; i++) out[this.store.file(this.dupIds.data[i])]++;
    return out;
  }

  result(): ExactResult {
    const n = this.store.count;
    const d = this.dupIds.length;
    const dupIds = this.dupIds.data;
    const dupRoots = this.dupRoots.data;
    // Copies per root (only roots of duplicates have a group: the root and its copies).
    const copies = new Int32Array(n);
    const groupRoots: number[] = [];
    for (let i = 0; i < d; i++) if (copies[dupRoots[i]]++ === 0) groupRoots.push(dupRoots[i]);
    groupRoots.sort((a, b) => copies[b] - copies[a] || a - b);
    // Every group with every member (bounded by the records): each group's list made at its final size, found by an
    // index per root (no map of hundreds of thousands of entries). Members in id order: the root (the earliest),
    // then its copies in order.
    const groups: ExactGroup[] = groupRoots.map((r) => ({ size: copies[r] + 1, members: new Array<DupMember>(copies[r] + 1) }));
    const groupOf = new Int32Array(n).fill(-1);
    groupRoots.forEach((r, g) => {
      groupOf[r] = g;
      groups[g].members[0] = this.member(r);
    });
    const filled = new Int32Array(groups.length).fill(1);
    for (let i = 0; i < d; i++) {
      const g = groupOf[dupRoots[i]];
      groups[g].members[filled[g]++] = this.member(dupIds[i]);
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
  const hasAnswer = last > 0;
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

// Exact duplicates and conflicting answers, in one streaming pass, within and across the files of a run.
//
//   const ex = new ExactDuplicateIndex(store, paths, { caseInsensitive });
//   ex.add(conv, id): Finding[]    // id = RecordStore id; returns `exact-duplicate` / `conflicting-answers` warnings
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
  private readonly rec = new Hash64();
  private readonly ans = new Hash64();
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
    const ci = !!this.opts.caseInsensitive;
    const msgs = conv.messages;
    let last = -1;
    for (let i = msgs.length - 1; i >= 0; i--) {
      if (msgs[i].role === "assistant") {
        last = i;
        break;
      }
    }
    const rec = this.rec;
    rec.reset();
    let p1 = 0;
    let p2 = 0;
    for (let i = 0; i < msgs.length; i++) {
      if (i === last) {
        p1 = rec.d1();
        p2 = rec.d2();
      }
      this.feedMessage(rec, msgs[i], ci);
    }
    if (conv.rejected) {
      rec.code(0x1d);
      for (const m of conv.rejected) this.feedMessage(rec, m, ci);
    }
    const first = this.table.putIfAbsent(rec.d1(), rec.d2(), id);
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
    if (last <= 0) return [];
    const ans = this.ans;
    ans.reset();
    hashFolded(ans, exactForm(msgs[last].text, ci));
    const a1 = ans.d1();
    const a2 = ans.d2();
    const slot = this.prompts.putIfAbsent(p1, p2, this.promptFirst.length);
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

  private feedMessage(h: Hash64, m: Message, ci: boolean): void {
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
  private member(id: number): DupMember {
    return { path: this.paths[this.store.file(id)] ?? String(this.store.file(id)), line: this.store.line(id) };
  }
  private where(id: number): string {
    const m = this.member(id);
    return `${m.path}:${m.line}`;
  }
}

// LSH candidate search of near-duplicate detection (near-duplicates.ts): the pairs of records whose sketches share a
// band key (near-sketch.ts), to be verified by their true Jaccard similarity. Band by band, records with the same
// key form a bucket, and each record is paired with at most MAX_BUCKET_WALK records just before it in its bucket.
import { GrowableI32, PAGE_BITS, type PagedI32, type PagedU32 } from "./hash.js";
import { BANDS } from "./near-sketch.js";

export const MAX_BUCKET_WALK = 100;
export const MAX_CANDIDATE_PAIRS = 8_000_000;

/** One stable counting-sort pass of (key, rec) by the 16 bits of key at `shift`, from src into dst. */
function radixPass(srcKey: Uint32Array, srcRec: Int32Array, dstKey: Uint32Array, dstRec: Int32Array, count: Int32Array, shift: number): void {
  const n = srcKey.length;
  count.fill(0);
  for (let i = 0; i < n; i++) count[(srcKey[i] >>> shift) & 0xffff]++;
  let at = 0;
  for (let d = 0; d < 65_536; d++) {
    const c = count[d];
    count[d] = at;
    at += c;
  }
  for (let i = 0; i < n; i++) {
    const k = srcKey[i];
    const pos = count[(k >>> shift) & 0xffff]++;
    dstKey[pos] = k;
    dstRec[pos] = srcRec[i];
  }
}

/**
 * Candidate pairs, sorted by later id then earlier id, without repeats: in each band every record is paired with
 * at most MAX_BUCKET_WALK records just before it with the same key. Band by band, the records are grouped by key
 * with an open-addressing table (key -> latest record), and each record's key in the band is overwritten with a
 * link to the previous record with that key (the keys are not needed afterwards). Then record by record (in id
 * order) its partners in the 16 chains are gathered, sorted and made unique, so the pairs come out in order with
 * no global set. At most MAX_CANDIDATE_PAIRS pairs (`truncated`: later records are then not paired).
 * `slotId`: slot -> record id (increasing); `keys`: slot * BANDS + band -> the record's key in the band (overwritten).
 * Memory: 68 bytes per record for the keys and ids during the pass (links at the end); 16 per record + the pairs at
 * the end.
 */
export function candidatePairs(slotId: PagedI32, keys: PagedU32): { A: Int32Array; B: Int32Array; truncated: boolean } {
  const n = slotId.length;
  // keys[j * BANDS + band] and ids[j], read through their pages (RPP records per page).
  const keyPages = keys.pages;
  const idPages = slotId.pages;
  const RPP_BITS = PAGE_BITS - Math.log2(BANDS);
  const RPP_MASK = (1 << RPP_BITS) - 1;
  const ID_MASK = (1 << PAGE_BITS) - 1;
  const id = (j: number): number => idPages[j >>> PAGE_BITS][j & ID_MASK];
  // Each record's key in a band is overwritten with the previous record (in record order) that has the same key
  // there, -1 for none: the records of a band are sorted by key with a stable radix sort (two passes of 16 bits;
  // sequential memory traffic, where a hash table of last records missed the cache on every record).
  const srcKey = new Uint32Array(n);
  const srcRec = new Int32Array(n);
  const dstKey = new Uint32Array(n);
  const dstRec = new Int32Array(n);
  const count = new Int32Array(65_536);
  for (let band = 0; band < BANDS; band++) {
    for (let j = 0; j < n; j++) {
      srcKey[j] = keyPages[j >>> RPP_BITS][(j & RPP_MASK) * BANDS + band];
      srcRec[j] = j;
    }
    radixPass(srcKey, srcRec, dstKey, dstRec, count, 0);
    radixPass(dstKey, dstRec, srcKey, srcRec, count, 16);
    // srcKey/srcRec: sorted by key, records in increasing order within a key
    for (let i = 0; i < n; i++) {
      const r = srcRec[i];
      keyPages[r >>> RPP_BITS][(r & RPP_MASK) * BANDS + band] = i > 0 && srcKey[i - 1] === srcKey[i] ? srcRec[i - 1] : -1; // -1 is stored as 0xffffffff
    }
  }
  let truncated = false;
  const pa = new GrowableI32(1024);
  const pb = new GrowableI32(1024);
  const near = new Int32Array(BANDS * MAX_BUCKET_WALK);
  records: for (let j = 0; j < n; j++) {
    let m = 0;
    for (let band = 0; band < BANDS; band++) {
      const link = (r: number): number => keyPages[r >>> RPP_BITS][(r & RPP_MASK) * BANDS + band] | 0;
      for (let i = link(j), walked = 0; i >= 0 && walked < MAX_BUCKET_WALK; i = link(i), walked++) near[m++] = i;
    }
    if (m === 0) continue;
    const list = near.subarray(0, m).sort();
    const b = id(j);
    for (let k = 0; k < m; k++) {
      if (k > 0 && list[k] === list[k - 1]) continue;
      if (pa.length >= MAX_CANDIDATE_PAIRS) {
        truncated = true;
        break records;
      }
      pa.push(id(list[k]));
      pb.push(b);
    }
  }
  return { A: pa.data.subarray(0, pa.length), B: pb.data.subarray(0, pb.length), truncated };
}

// The secret and personal-data counts of a file, a chunk or the run (report.privacy, per-file figures): they add.

/** Counts of one file or chunk; they add. */
export interface PrivacyCounts {
  /** `secret` findings (not ignored, rule not off). */
  secrets: number;
  /** `generic-secret` findings. */
  possibleSecrets: number;
  /** `pii` findings. */
  pii: number;
  /** Records with at least one `pii` finding. */
  piiRecords: number;
  /** Findings left out because the ignore file lists them. */
  ignored: number;
  /** Findings per kind ("github-token": 2, "email": 14). */
  kinds: Record<string, number>;
}

export function emptyPrivacyCounts(): PrivacyCounts {
  return { secrets: 0, possibleSecrets: 0, pii: 0, piiRecords: 0, ignored: 0, kinds: {} };
}

export function addPrivacyCounts(a: PrivacyCounts, b: PrivacyCounts): void {
  a.secrets += b.secrets;
  a.possibleSecrets += b.possibleSecrets;
  a.pii += b.pii;
  a.piiRecords += b.piiRecords;
  a.ignored += b.ignored;
  for (const [k, n] of Object.entries(b.kinds)) a.kinds[k] = (a.kinds[k] ?? 0) + n;
}

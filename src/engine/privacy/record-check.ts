// The privacy check of one file pass (or chunk): each record is scanned (scan-record.ts), each value found becomes
// a `secret`, `generic-secret` or `pii` finding with its kind, JSON pointer and fingerprint, unless the ignore file
// lists the fingerprint. Counts feed the report's `privacy` figures and the max-secrets / max-pii-share thresholds;
// the values themselves stay in memory (`values`, for the action to mask them in the job log), capped.
import type { Finding, SeveritySetting } from "../model.js";
import { fingerprint, recordKey } from "../fingerprint.js";
import { Redactor, scanLine, scanRecord, type ValueHit } from "./scan-record.js";
import type { ScanSwitches } from "./scan-text.js";
import { emptyPrivacyCounts } from "./counts.js";

/** What a run's privacy check needs (plain data: it travels to worker threads and into shard partials). */
export interface PrivacySettings {
  /** Fingerprints of accepted findings (the ignore file's lines). */
  ignore: string[];
  /** The ignore file as users name it in messages (".chatml-gate-ignore"). */
  ignoreFile: string;
}

/** Values kept per chunk for masking (the first ones; secrets before personal data). */
const MAX_VALUES = 1000;

type Add = (rule: string, message: string, extra: Pick<Finding, "kind" | "pointer">) => SeveritySetting;

export class PrivacyCheck {
  readonly counts = emptyPrivacyCounts();
  readonly values = new Set<string>();
  readonly on: ScanSwitches;
  private readonly ignore: Set<string>;

  constructor(
    private readonly settings: PrivacySettings,
    private readonly display: string,
    severityOf: (rule: string) => SeveritySetting,
  ) {
    this.on = { secret: severityOf("secret") !== "off", generic: severityOf("generic-secret") !== "off", pii: severityOf("pii") !== "off" };
    this.ignore = new Set(settings.ignore);
  }

  get active(): boolean {
    return this.on.secret || this.on.generic || this.on.pii;
  }

  /** Scans a parsed record (`rec`), or the text of a line that is not JSON (`rec` undefined); reports what it finds
   * through `add` and returns a redactor for the texts of this record the gate may quote (null: nothing found).
   * `setKey` receives the record key of the line with the values masked (so that no published fingerprint hashes a
   * value), before any finding is added. */
  check(rec: unknown, line: string, add: Add, setKey: (key: string) => void): Redactor | null {
    const hits = rec === undefined ? scanLine(line, this.on) : scanRecord(rec, this.on);
    if (!hits) return null;
    const redactor = new Redactor(hits);
    const key = recordKey(Buffer.from(redactor.line(line)));
    setKey(key);
    let pii = false;
    for (const h of hits) {
      const fp = fingerprint(h.rule, this.display, key, h.pointer);
      if (this.values.size < (h.rule === "secret" ? 10 * MAX_VALUES : MAX_VALUES)) this.values.add(h.value);
      if (this.ignore.has(fp)) {
        this.counts.ignored++;
        continue;
      }
      if (add(h.rule, message(h, fp, this.settings.ignoreFile), { kind: h.kind, pointer: h.pointer }) === "off") continue;
      this.counts.kinds[h.kind] = (this.counts.kinds[h.kind] ?? 0) + 1;
      if (h.rule === "secret") this.counts.secrets++;
      else if (h.rule === "generic-secret") this.counts.possibleSecrets++;
      else {
        this.counts.pii++;
        pii = true;
      }
    }
    if (pii) this.counts.piiRecords++;
    return redactor;
  }
}

/** "GitHub token ghp_… (40 characters) at /messages/1/content: remove it and revoke it in GitHub (...). Not a real
 * secret? Add <fingerprint> to .chatml-gate-ignore". Never the value: its public prefix, its length, where it is. */
function message(h: ValueHit, fp: string, ignoreFile: string): string {
  const what = `${h.name}${h.shown ? ` ${h.shown}…` : ""} (${h.value.length} characters${h.count > 1 ? `, ${h.count} times in this record` : ""})`;
  const where = h.pointer ? ` at ${h.pointer}` : " in this line";
  const fix = h.rule === "secret" ? `remove it and ${h.fix}` : h.fix;
  const accept = h.rule === "pii" ? "May it stay?" : "Not a real secret?";
  return `${what}${where}: ${fix}. ${accept} Add ${fp} to ${ignoreFile}`;
}

// --rejects FILE: the records a fix refused, as JSON Lines {"path", "line", "reason", "text"} (plus "base64" with the
// exact bytes when they are not valid UTF-8), instead of leaving them in the output. Nothing is lost either way.
import { closeSync, openSync, writeSync } from "node:fs";
import { isUtf8 } from "node:buffer";

export class Rejects {
  records = 0;
  private fd = -1;
  constructor(
    readonly path: string,
    /** --dry-run: count, write nothing. */
    private readonly dryRun: boolean,
  ) {}

  add(path: string, line: number, reason: string, bytes: Buffer): void {
    this.records++;
    if (this.dryRun) return;
    if (this.fd < 0) this.fd = openSync(this.path, "w");
    const rec: Record<string, unknown> = { path, line, reason, text: bytes.toString("utf8") };
    if (!isUtf8(bytes)) rec.base64 = bytes.toString("base64");
    const out = Buffer.from(JSON.stringify(rec) + "\n");
    let done = 0;
    while (done < out.length) done += writeSync(this.fd, out, done, out.length - done);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

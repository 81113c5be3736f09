// Where a finding's message quotes record text (another rule's message, a chat template's error), found values are
// masked in every form the quote can take: as decoded, escaped as JSON, with whitespace collapsed to one line, cut
// short with "…".
import { describe, expect, it } from "vitest";
import { Redactor, scanRecord } from "../../src/engine/privacy/scan-record.js";
import { fakeSecrets } from "./fakes.js";

const pem = fakeSecrets().find((f) => f.kind === "private-key")!.value;
const body = pem.split("\n")[1];

function redactor(content: string): Redactor {
  const hits = scanRecord({ messages: [{ role: "user", content }] }, { secret: true, generic: true, pii: true });
  expect(hits?.map((h) => h.kind)).toContain("private-key");
  return new Redactor(hits!);
}

describe("Redactor.quoted", () => {
  const r = redactor(`Here is the key:\n${pem}\nWhy?`);
  it("masks a multi-line value quoted as it is, or escaped as JSON", () => {
    expect(r.quoted(`got "${pem}" here`)).toBe('got "[REDACTED:private-key]" here');
    expect(r.quoted(`got ${JSON.stringify(pem)}`)).toBe('got "[REDACTED:private-key]"');
  });
  it("masks the value with its whitespace collapsed to one line (a template's error message), whole or cut short", () => {
    const oneLine = `refused: Here is the key: ${pem} Why?`.replace(/\s+/g, " ");
    expect(r.quoted(oneLine)).toBe("refused: Here is the key: [REDACTED:private-key] Why?");
    const cut = oneLine.slice(0, oneLine.indexOf(body) + 20) + "…";
    expect(r.quoted(cut)).toBe("refused: Here is the key: [REDACTED:private-key]…");
    expect(r.quoted(cut)).not.toContain(body.slice(0, 12));
  });
  it("leaves other text alone, also a start of the value shorter than 8 characters", () => {
    expect(r.quoted("a PEM file starts with -----BE and then")).toBe("a PEM file starts with -----BE and then");
  });
});

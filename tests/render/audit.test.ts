// The audit issue's body: its own (not the PR comment), with status, commit, run, last checked, and what changed since
// the last audit, carried from one audit to the next in the body itself.
import { describe, expect, it } from "vitest";
import { changesSince, readAuditState, renderAuditBody, renderAuditClose } from "../../src/render/audit.js";
import type { MarkdownContext } from "../../src/render/markdown.js";
import { checkDir, good, jsonl } from "../helpers/run.js";
import { assertSafe } from "./gfm.js";

const MARK = "<!-- chatml-quality-gate:audit:default -->";
const ctx = (sha: string): MarkdownContext => ({ owner: "o", repo: "r", sha, serverUrl: "https://github.com", runUrl: "https://github.com/o/r/actions/runs/1", kind: "comment", marker: MARK });
const LINKS = /^https:\/\/github\.com\/(o\/r\/(blob\/[0-9a-f]+\/|actions\/runs\/1(#artifacts)?$|commit\/[0-9a-f]+$)|chatml-quality-gate\/chatml-quality-gate\/blob\/main\/docs\/rules\.md#[a-z0-9-]+$)/;
const many = (n: number) => Array.from({ length: n }, (_, i) => good(i));

describe("audit issue body", () => {
  it("first failure, then what changed, then the close note; the state survives in the body", async () => {
    const day1 = new Date("2026-03-01T03:10:00Z");
    const r1 = await checkDir({ "data/train.jsonl": jsonl(...many(12), "{bad") });
    const first = renderAuditBody(r1, ctx("a".repeat(40)), readAuditState(undefined), day1);
    expect(first.body.startsWith(`${MARK}\n### ❌ Dataset audit failing: max\\-errors \\(data/train.jsonl\\)\n`)).toBe(true);
    expect(first.body).toContain("Failing since **2026-03-01 03:10 UTC** at `aaaaaaa` · last checked **2026-03-01 03:10 UTC**");
    expect(first.body).toContain("**First failing audit** of this issue.");
    expect(first.body).toContain("[report artifact](https://github.com/o/r/actions/runs/1#artifacts)");
    assertSafe(first.body.replace(MARK, "<!-- chatml-quality-gate:default -->").replace(/<!-- chatml-quality-gate:audit-state:[A-Za-z0-9_-]+ -->/, ""), LINKS);
    const state = readAuditState(first.body)!;
    expect(state).toMatchObject({ since: day1.toISOString(), sinceSha: "a".repeat(40), sha: "a".repeat(40), errors: 1, failed: ["max-errors (data/train.jsonl)"], rules: { "invalid-json": 1 } });

    const day2 = new Date("2026-03-02T03:10:00Z");
    const r2 = await checkDir({ "data/train.jsonl": jsonl(...many(12), "{bad", good(3), "{x", { messages: [{ role: "user", content: "q" }] }) });
    const second = renderAuditBody(r2, ctx("b".repeat(40)), readAuditState(first.body), day2);
    expect(second.body).toContain("Failing since **2026-03-01 03:10 UTC** at `aaaaaaa` · last checked **2026-03-02 03:10 UTC**");
    expect(second.body).toContain("**Since the last audit** (2026-03-01 03:10 UTC): errors 1 → 3 · warnings 0 → 1 · now failing: max\\-duplicate\\-rate · new rules firing: missing\\-assistant ×1, exact\\-duplicate ×1; commit aaaaaaa → bbbbbbb.");

    const third = renderAuditBody(r2, ctx("b".repeat(40)), readAuditState(second.body), new Date("2026-03-03T03:10:00Z"));
    expect(third.body).not.toBe(second.body); // "last checked" moves on: the issue never looks stale
    expect(third.body).toContain("no change in the findings; same commit.");

    expect(renderAuditClose(ctx("c".repeat(40)), readAuditState(third.body), new Date("2026-03-04T03:10:00Z"))).toBe(
      "✅ The dataset audit passed at [`ccccccc`](https://github.com/o/r/commit/cccccccccccccccccccccccccccccccccccccccc) in [this run](https://github.com/o/r/actions/runs/1) on 2026-03-04 03:10 UTC. It had been failing since 2026-03-01 03:10 UTC. Closing.",
    );
  });

  it("a state someone edited into nonsense is ignored, not a crash", () => {
    expect(readAuditState("x <!-- chatml-quality-gate:audit-state:!!! -->")).toBeUndefined();
    expect(readAuditState("x <!-- chatml-quality-gate:audit-state:" + Buffer.from('{"v":2}').toString("base64url") + " -->")).toBeUndefined();
    const s = { v: 1 as const, since: "t", sinceSha: "a", checked: "t", sha: "a", errors: 1, warnings: 0, failed: [], rules: { x: 1 } };
    expect(changesSince(s, { ...s, rules: {} })).toBe("no longer firing: x; same commit");
  });
});

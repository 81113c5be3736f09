// The config file as a user writes it, loaded by loadConfig (the CLI and the action both read it this way).
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.js";
import { tempDir } from "./helpers/run.js";

const load = (text: string) => loadConfig("c.yml", tempDir({ "c.yml": text }));

describe("config file: YAML documents", () => {
  it("a second document (after --- or ...) is refused: it was silently ignored, its settings never applied", async () => {
    await expect(load("fail-on: never\n---\nfail-on: error\n")).rejects.toThrow("cannot parse config c.yml: it holds 2 YAML documents (separated by '---' or '...') and only one is read");
    await expect(load("fail-on: never\n...\nthresholds:\n  max-leakage: 0\n")).rejects.toThrow(/holds 2 YAML documents/);
    // a syntax error in a later document is one too
    await expect(load("fail-on: never\n---\nthresholds: [\n")).rejects.toThrow(/cannot parse config c\.yml/);
  });

  it("one document, with or without the --- markers around it, or none at all", async () => {
    for (const text of ["fail-on: never\n", "---\nfail-on: never\n", "fail-on: never\n---\n", "---\nfail-on: never\n...\n"]) expect((await load(text)).failOn, text).toBe("never");
    for (const text of ["", "# nothing yet\n", "---\n", "---\n---\n"]) expect((await load(text)).failOn, text).toBe("error");
  });
});

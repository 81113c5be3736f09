import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";

// The engine runs validators generated from schemas/record.schema.json at build time (no meta-schema check then), so
// this test is what checks the schema itself against the JSON Schema meta-schema, and that the generated code is
// the schema's.
describe("schemas/record.schema.json", () => {
  it("is a valid JSON Schema", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schemas/record.schema.json", import.meta.url), "utf8"));
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it("the generated validators are the schemas' (node scripts/validators.mjs)", async () => {
    // @ts-expect-error: a build script without type declarations
    const { generate, VALIDATORS } = (await import("../../scripts/validators.mjs")) as { generate: (v: unknown) => string; VALIDATORS: { out: string }[] };
    expect(VALIDATORS.map((v) => v.out)).toEqual(["src/engine/rules/record-validate.generated.js", "src/config/config-validate.generated.js"]);
    for (const v of VALIDATORS) expect(readFileSync(new URL(`../../${v.out}`, import.meta.url), "utf8"), v.out).toBe(generate(v));
  });
});

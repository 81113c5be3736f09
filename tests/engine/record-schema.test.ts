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

  it("src/engine/rules/record-validate.generated.js is generated from it (node scripts/record-validator.mjs)", async () => {
    // @ts-expect-error: a build script without type declarations
    const { generate, OUT } = (await import("../../scripts/record-validator.mjs")) as { generate: () => string; OUT: string };
    expect(readFileSync(new URL(`../../${OUT}`, import.meta.url), "utf8")).toBe(generate());
  });
});

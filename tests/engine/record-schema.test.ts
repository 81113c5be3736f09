import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";

// The engine compiles schemas/record.schema.json with validateSchema: false (start-up time), so this test is what
// checks the schema itself against the JSON Schema meta-schema.
describe("schemas/record.schema.json", () => {
  it("is a valid JSON Schema", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schemas/record.schema.json", import.meta.url), "utf8"));
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });
});

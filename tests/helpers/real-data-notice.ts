// vitest globalSetup: one visible line when the optional real-data suite (tests/real-data/) is skipped, and a
// clear error when the variable names a folder that does not exist (a CI misconfiguration, not a skip).
import { existsSync } from "node:fs";
import { REAL } from "./paths.js";

export default function setup(): void {
  if (!REAL) console.log("real-data suite skipped: set CHATML_GATE_REAL_DATA to a folder of real public datasets (see docs/testing.md)");
  else if (!existsSync(REAL)) throw new Error(`CHATML_GATE_REAL_DATA names ${REAL}, which does not exist`);
}

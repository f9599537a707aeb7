// Regenerates the API types into a temporary file and fails when the committed file is stale.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const schema = "../backend/openapi/schema.json";
const committed = "src/api/generated/schema.d.ts";
const dir = mkdtempSync(join(tmpdir(), "savoir-api-"));
const fresh = join(dir, "schema.d.ts");
try {
  execFileSync("npx", ["--no-install", "openapi-typescript", schema, "-o", fresh], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  let current = "";
  try {
    current = readFileSync(committed, "utf8");
  } catch {
    current = "";
  }
  if (current !== readFileSync(fresh, "utf8")) {
    console.error(
      `check:api: ${committed} is stale: it does not match ${schema}.\n` +
        "Run `npm run gen:api` (or `make openapi`) and commit the result.",
    );
    process.exit(1);
  }
  console.log(`check:api: ${committed} is up to date with ${schema}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

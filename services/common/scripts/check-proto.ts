// Fails (exit 1) when the committed generated types or descriptor set differ from what the .proto files generate now, listing
// each differing file. Fix with `npm run proto:gen` and commit the result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffTrees, GENERATED_DIR, generateAll } from './proto-codegen.ts';

const scratch = mkdtempSync(join(tmpdir(), 'pmr-proto-check-'));
try {
  generateAll(scratch);
  const differences = diffTrees(scratch, GENERATED_DIR);
  if (differences.length > 0) {
    console.error(`proto: ${differences.length} generated file(s) out of date in ${GENERATED_DIR}:`);
    for (const d of differences) console.error(`  ${d.kind}: ${d.file}`);
    console.error('proto: run `npm run proto:gen` and commit the result');
    process.exitCode = 1;
  } else {
    console.log('proto: generated types and descriptor set match the .proto files');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Regenerates services/common/src/proto/generated/ (types and the reflection descriptor set) from
// proto/pmr/v1/*.proto. Run after changing a .proto file (`npm run proto:gen`) and commit the result;
// check-proto.ts fails CI when they are out of step.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_DIR, generateAll, listFiles } from './proto-codegen.ts';

const scratch = mkdtempSync(join(tmpdir(), 'pmr-proto-gen-'));
try {
  const out = join(scratch, 'generated');
  generateAll(out);
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  renameSync(out, GENERATED_DIR);
  console.log(`proto: wrote ${listFiles(GENERATED_DIR).length} files to ${GENERATED_DIR}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

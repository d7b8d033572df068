/**
 * Vitest global setup of the whole run: one scratch directory that every temporary file of the run goes under,
 * deleted when the run ends. It becomes TMPDIR before the test workers start, so `os.tmpdir()` in the tests, in
 * the code they run and in the processes they spawn (`credence` commands, PostgreSQL, Chromium) all point into it,
 * and a run leaves nothing behind in /tmp, also where a test stops before its own clean-up.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(path.join(os.tmpdir(), 'credence-test-run-'));
  // The PostgreSQL cluster's directory inside runs as the postgres user, which must be able to reach it.
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}

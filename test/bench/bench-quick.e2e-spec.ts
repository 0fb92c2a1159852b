import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// A database of the test's own, so a developer's scale-1 data set is never touched.
const BENCH_DATABASE_URL = process.env.TEST_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gesit_bench_ci';

/** The benchmark suite at its tiny --quick scale, so that it never rots: every scenario must still measure. */
describe('npm run bench -- --quick', () => {
  // The build and every scenario (with the morning mix twice and the sign-in burst) on a shared 2-core machine: minutes.
  it('runs every scenario and prints one figure line for each', async () => {
    // The inbox and start-up scenarios start the built API, the reminders scenario the built worker.
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'bench', 'run.ts'), '--quick'], {
      cwd: root,
      env: { ...process.env, BENCH_DATABASE_URL, LOG_LEVEL: 'silent' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    // On failure the end of its standard error says why, whatever printed it.
    const failures = err.split('\n').filter((l) => /failed:/.test(l));
    expect({ code, failures, end: code === 0 && !failures.length ? [] : err.split('\n').slice(-40) }).toEqual({
      code: 0,
      failures: [],
      end: [],
    });
    const names = [
      'sweep',
      'inbox',
      'dispose',
      'reminders',
      'signing-composed-10-pages',
      'signing-uploaded-100-pages',
      'upload-disk',
      'upload-s3',
      'startup',
      'workload',
      'daily-report',
      'archive-search',
      'archive-import',
      'ocr',
      'web-inbox',
      'morning-1-api',
      'morning-2-apis',
      'login-burst',
    ];
    for (const name of names) {
      expect(out).toMatch(new RegExp(`^${name}: .+ \\(.*target .+: (met|MISSED)\\)$`, 'm'));
    }
  }, 900_000);
});

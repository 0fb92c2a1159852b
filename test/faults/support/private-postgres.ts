import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../harness/ports';
import { until } from '../../harness/wait';

/** Where the PostgreSQL server binaries are: `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin. */
function postgresBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config comes with the client package only; the server's own directory is tried next.
  }
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'The fault tests start a PostgreSQL server of their own and need initdb and pg_ctl (Debian: postgresql-15, ' +
        `in /usr/lib/postgresql/<version>/bin); looked in: ${candidates.join(', ') || 'nothing found'}`,
    );
  }
  return found;
}

export interface PrivatePostgres {
  port: number;
  /** A database URL on this server. */
  url(database: string): string;
  /** Starts the server (again); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server: `immediate` is the crash (no checkpoint, clients cut off), `fast` the orderly stop. */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Stops the server and removes its data directory. */
  destroy(): void;
}

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory, on a free port, with trust
 * authentication: the fault tests stop and crash it without touching the machine's shared server.
 * initdb refuses to run as root, so as root it runs as the `postgres` OS user.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? 'postgres' : userInfo().username;
  const run = (file: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, file), asRoot ? ['-u', 'postgres', '--', join(bin, file), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  const root = mkdtempSync(join(tmpdir(), 'gesit-faults-pg-'));
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }));
    chownSync(root, uid, gid);
  }
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`, { cause: error });
  }
  // A test database needs no durability; the crash tests still see real crash recovery of the WAL.
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    '-c shared_buffers=32MB',
  ].join(' ');
  let running = false;
  // pg_ctl starts the server as a daemon: should Jest end early, stop it and remove its files.
  const onExit = () => {
    if (running) run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const server: PrivatePostgres = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      try {
        run('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
      } catch (error) {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${tail}`, { cause: error });
      }
      running = true;
      await until('the private PostgreSQL to accept connections', async () => {
        const client = new Client({ connectionString: server.url('postgres') });
        try {
          await client.connect();
          await client.query('SELECT 1');
          return true;
        } catch {
          return undefined;
        } finally {
          await client.end().catch(() => undefined);
        }
      });
    },
    stop(mode = 'fast') {
      if (!running) return;
      run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    destroy() {
      process.removeListener('exit', onExit);
      try {
        server.stop('immediate');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
  try {
    await server.start();
  } catch (error) {
    server.destroy();
    throw error;
  }
  return server;
}

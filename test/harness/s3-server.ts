import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}

// s3rver ships no type declarations.
const S3rver = require('s3rver') as new (options: { address: string; port: number; silent: boolean; directory: string }) => S3rverInstance;

export interface S3TestServer {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  close(): Promise<void>;
}

/**
 * An in-process S3 server on a free port with its own temporary directory. It has no multipart
 * upload, versioning or object lock, and does not verify signatures.
 */
export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'gesit-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (err) {
    await rm(directory, { recursive: true, force: true });
    throw err;
  }
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    async close() {
      try {
        await server.close();
      } finally {
        // A PUT still being written as it stops makes a recursive rm fail with ENOTEMPTY: retried.
        await rm(directory, { recursive: true, force: true, maxRetries: 5 });
      }
    },
  };
}

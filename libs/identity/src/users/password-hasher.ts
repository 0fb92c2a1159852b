import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '@gesit/platform';

/** argon2id at the configured cost. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.config.passwordHashCost });
  }

  /**
   * Without a hash (no such account) it still hashes once, so the answer takes as long as for a real
   * account and timing does not tell whether the account exists.
   */
  async verify(hash: string | null, password: string): Promise<boolean> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    try {
      const matches = await argon2.verify(hash ?? (await this.dummyHash), password);
      return hash !== null && matches;
    } catch {
      return false;
    }
  }
}

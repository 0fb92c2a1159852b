import { Injectable } from '@nestjs/common';
import type { Principal } from '@gesit/platform';
import type { StoredFileEntity } from './stored-file.entity';

/** Says whether `principal` may read `file` because of something that holds it (a letter, a record, …). */
export type FileAccessRule = (principal: Principal, file: StoredFileEntity) => Promise<boolean>;

/**
 * Files follow the access of what holds them. The uploader may always read their upload; every
 * capability that attaches files registers a rule here at start-up.
 */
@Injectable()
export class FileAccessRegistry {
  private readonly rules: FileAccessRule[] = [];

  register(rule: FileAccessRule): void {
    this.rules.push(rule);
  }

  async canRead(principal: Principal, file: StoredFileEntity): Promise<boolean> {
    if (file.uploadedById === principal.userId) return true;
    for (const rule of this.rules) if (await rule(principal, file)) return true;
    return false;
  }
}

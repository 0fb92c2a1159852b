import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService, badInput, inTransaction, Loaders, orderByKeys, Principal, throwFieldProblems } from '@gesit/platform';
import { ClassificationCodeEntity } from './classification-code.entity';
import { classificationProblems } from './classification-rules';
import { ClassificationCodeInput } from './classification.types';

@Injectable()
export class ClassificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The children of `parentCode`, or the top-level groups. */
  list(parentCode?: string | null): Promise<ClassificationCodeEntity[]> {
    return this.dataSource
      .getRepository(ClassificationCodeEntity)
      .find({ where: { parentCode: parentCode ?? IsNull() }, order: { code: 'ASC' } });
  }

  /** The request's loader of codes by their code. */
  byCode(loaders: Loaders): DataLoader<string, ClassificationCodeEntity | null> {
    return loaders.get(
      'classificationCode',
      () => new DataLoader(async (codes: readonly string[]) => orderByKeys(codes, await this.findByCodes(codes), (c) => c.code)),
    );
  }

  findByCodes(codes: readonly string[]): Promise<ClassificationCodeEntity[]> {
    return this.dataSource.getRepository(ClassificationCodeEntity).findBy({ code: In([...codes]) });
  }

  async get(code: string): Promise<ClassificationCodeEntity | null> {
    return this.dataSource.getRepository(ClassificationCodeEntity).findOneBy({ code });
  }

  async upsert(actor: Principal, input: ClassificationCodeInput): Promise<ClassificationCodeEntity> {
    const row = { ...input, code: input.code.trim(), name: input.name.trim(), parentCode: input.parentCode?.trim() || null };
    const problems = classificationProblems(row);
    throwFieldProblems(problems);
    return inTransaction(this.dataSource, async (em) => {
      if (row.parentCode && !(await em.existsBy(ClassificationCodeEntity, { code: row.parentCode }))) {
        throw badInput({
          id: `Kode induk ${row.parentCode} belum ada; tambahkan dulu.`,
          en: `The parent code ${row.parentCode} does not exist yet; add it first.`,
        });
      }
      const before = await em.findOneBy(ClassificationCodeEntity, { code: row.code });
      const saved = await em.save(ClassificationCodeEntity, row);
      await this.audit.record(em, {
        actorId: actor.userId,
        action: before ? 'classification-code.changed' : 'classification-code.added',
        entityType: 'ClassificationCode',
        entityId: row.code,
        change: { before, after: row },
      });
      return saved;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UnitEntity } from '@gesit/organisation';
import { AuditService, findOrNotFound, inTransaction, Principal, throwFieldProblems } from '@gesit/platform';
import { OutgoingNumberFormatEntity } from './outgoing-number-format.entity';
import { outgoingFormatProblems } from './outgoing-number';

/** Per-unit formats of outgoing letter numbers. */
@Injectable()
export class NumberFormatService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The format of the unit or of its nearest ancestor that has one; null for the default. */
  async formatFor(em: EntityManager, unitId: string): Promise<string | null> {
    const [row] = await em.query(
      `WITH RECURSIVE chain AS (
         SELECT id, parent_id, 0 AS depth FROM unit WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, c.depth + 1 FROM unit u JOIN chain c ON u.id = c.parent_id WHERE c.depth < 50)
       SELECT f.format FROM chain c JOIN outgoing_number_format f ON f.unit_id = c.id ORDER BY c.depth LIMIT 1`,
      [unitId],
    );
    return (row?.format as string | undefined) ?? null;
  }

  async set(principal: Principal, unitId: string, format: string): Promise<OutgoingNumberFormatEntity> {
    const problems = outgoingFormatProblems(format);
    throwFieldProblems(problems.map((message) => ({ field: 'format', message })));
    return inTransaction(this.dataSource, async (em) => {
      await findOrNotFound(em, UnitEntity, unitId, { id: 'Unit', en: 'Unit' });
      await em.upsert(OutgoingNumberFormatEntity, { unitId, format: format.trim() }, ['unitId']);
      await this.audit.record(em, {
        actorId: principal.userId,
        action: 'outgoing-number-format.set',
        entityType: 'Unit',
        entityId: unitId,
        change: { format: format.trim() },
      });
      return em.findOneByOrFail(OutgoingNumberFormatEntity, { unitId });
    });
  }
}

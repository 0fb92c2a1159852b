import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type SequenceKind = 'AGENDA' | 'OUTGOING' | 'DOSSIER';

/**
 * Per-unit, per-year counters without gaps or duplicates: the increment locks the counter row until the
 * caller's transaction ends, so concurrent callers take turns, and a rolled-back caller gives its number back.
 */
@Injectable()
export class NumberingService {
  async next(em: EntityManager, unitId: string, year: number, kind: SequenceKind): Promise<number> {
    const [row] = await em.query(
      `INSERT INTO number_sequence (unit_id, year, kind, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (unit_id, year, kind) DO UPDATE SET last_value = number_sequence.last_value + 1
       RETURNING last_value`,
      [unitId, year, kind],
    );
    return row.last_value as number;
  }
}

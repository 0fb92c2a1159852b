import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { belowUserCte } from '../access/chain-of-command.sql';

export interface PlacedUser {
  id: string;
  name: string;
  roles: string[];
  positionId: string;
  unitId: string;
  unitCode: string;
  timeZone: string;
}

const PLACED_USER = `SELECT u.id, u.name, u.roles, p.id AS "positionId", un.id AS "unitId", un.code AS "unitCode", un.timezone AS "timeZone"
  FROM app_user u JOIN position p ON p.id = u.position_id JOIN unit un ON un.id = p.unit_id`;

/**
 * Where people sit in the organisation (position, unit, the unit's time zone), for every context that needs
 * it: the one place that joins users to positions and units. One query per batch; pass the transaction's
 * manager to read inside it.
 */
@Injectable()
export class PeopleDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** Users that hold a position, with their unit; users without a position are left out. */
  async placed(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, PlacedUser>> {
    if (!ids.length) return new Map();
    const rows: PlacedUser[] = await em.query(`${PLACED_USER} WHERE u.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Those of `candidates` who hold a position below `officialId` in the chain of command, with their unit (one query). */
  async placedBelow(
    officialId: string,
    candidates: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PlacedUser>> {
    const rows: PlacedUser[] = await em.query(
      `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}
       ${PLACED_USER} WHERE u.id = ANY($2::uuid[]) AND u.id IN (SELECT id FROM below_user)`,
      [[officialId], candidates],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The time zone of each user's unit (the default zone for users without a position). */
  async timeZones(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const placed = await this.placed(ids, em);
    return new Map(ids.map((id) => [id, placed.get(id)?.timeZone ?? DEFAULT_TIME_ZONE]));
  }

  async timeZone(id: string, em: EntityManager = this.dataSource.manager): Promise<string> {
    return (await this.timeZones([id], em)).get(id)!;
  }

  /** Which of `candidates` sit below `officialId` in the chain of command. */
  async below(officialId: string, candidates: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    return new Set((await this.placedBelow(officialId, candidates, em)).keys());
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { belowUserCte, PLACED_USERS } from './people.sql';

export interface PlacedUser {
  id: string;
  name: string;
  roles: string[];
  positionId: string;
  unitId: string;
  unitCode: string;
  timeZone: string;
}

const PLACED_USER = `SELECT pu.id, pu.name, pu.roles, pu.position_id AS "positionId", pu.unit_id AS "unitId", pu.unit_code AS "unitCode",
  pu.time_zone AS "timeZone" FROM ${PLACED_USERS} pu`;

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
    const rows: PlacedUser[] = await em.query(`${PLACED_USER} WHERE pu.id = ANY($1::uuid[])`, [ids]);
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
       ${PLACED_USER} WHERE pu.id = ANY($2::uuid[]) AND pu.id IN (SELECT id FROM below_user)`,
      [[officialId], candidates],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Placed users with the LEADER role (only those of `only`, when given). */
  async leaders(only?: readonly string[]): Promise<PlacedUser[]> {
    return this.dataSource.query(`${PLACED_USER} WHERE 'LEADER' = ANY(pu.roles) AND ($1::uuid[] IS NULL OR pu.id = ANY($1::uuid[]))`, [
      only ?? null,
    ]);
  }

  /** Names of users, placed or not. */
  async names(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query('SELECT id, name FROM app_user WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
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

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@gesit/platform';
import { DEFAULT_TIME_ZONE, PositionsService, UnitsService } from '@gesit/organisation';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS, DemoPerson } from './demo-organisation';

export interface SeededDemoAccount extends DemoPerson {
  userId: string;
  positionId: string;
}

/** Adds the demo organisation (DEMO_UNITS, DEMO_PEOPLE, all with DEMO_PASSWORD) in one transaction. */
@Injectable()
export class DemoOrganisationSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly positions: PositionsService,
    private readonly users: UsersService,
  ) {}

  async seed(em?: EntityManager): Promise<SeededDemoAccount[]> {
    if (!em) return inTransaction(this.dataSource, (tx) => this.seed(tx));
    const unitIds = new Map<string, string>();
    for (const unit of DEMO_UNITS) {
      const parentId = unit.parentCode ? unitIds.get(unit.parentCode) : null;
      const created = await this.units.insert(em, null, {
        code: unit.code,
        name: unit.name,
        parentId,
        timezone: parentId ? null : DEFAULT_TIME_ZONE,
      });
      unitIds.set(unit.code, created.id);
    }
    const positionIds = new Map<string, string>();
    const accounts: SeededDemoAccount[] = [];
    for (const person of DEMO_PEOPLE) {
      const position = await this.positions.insert(em, null, {
        title: person.title,
        unitId: unitIds.get(person.unitCode) as string,
        superiorId: person.superior ? positionIds.get(person.superior) : null,
      });
      positionIds.set(person.key, position.id);
      const user = await this.users.insert(em, null, {
        nip: person.nip,
        name: person.name,
        rank: person.rank,
        email: person.email,
        password: DEMO_PASSWORD,
        roles: person.roles,
        positionId: position.id,
      });
      accounts.push({ ...person, userId: user.id, positionId: position.id });
    }
    return accounts;
  }
}

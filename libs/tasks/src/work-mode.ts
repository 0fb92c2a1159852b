import { registerEnumType } from '@nestjs/graphql';

/** Where a piece of work was done (PermenPAN-RB 4/2025): office, home, another place, or official travel. */
export enum WorkMode {
  OFFICE = 'OFFICE',
  HOME = 'HOME',
  ANYWHERE = 'ANYWHERE',
  FIELD = 'FIELD',
}

registerEnumType(WorkMode, { name: 'WorkMode' });

/** How a work mode reads in messages. */
export const WORK_MODE_TEXT: Record<WorkMode, string> = {
  [WorkMode.OFFICE]: 'di kantor',
  [WorkMode.HOME]: 'di rumah',
  [WorkMode.ANYWHERE]: 'di lokasi lain',
  [WorkMode.FIELD]: 'dinas luar',
};

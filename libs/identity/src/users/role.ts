import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  STAFF = 'STAFF',
  LEADER = 'LEADER',
  CLERK = 'CLERK',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    STAFF: { description: 'pelaksana / staf: drafts, follows up dispositions, reports work' },
    LEADER: { description: 'pimpinan / pejabat: disposes, approves, signs, tracks SLA' },
    CLERK: { description: 'tata usaha / arsiparis: registers letters, archives records' },
    ADMIN: { description: 'manages units, positions, users, calendars, policies' },
  },
});

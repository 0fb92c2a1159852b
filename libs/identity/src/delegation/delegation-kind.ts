import { registerEnumType } from '@nestjs/graphql';

export enum DelegationKind {
  PLH = 'PLH',
  PLT = 'PLT',
}

registerEnumType(DelegationKind, {
  name: 'DelegationKind',
  valuesMap: {
    PLH: { description: 'pelaksana harian: the official is temporarily away (leave, travel)' },
    PLT: { description: 'pelaksana tugas: the post is vacant' },
  },
});

import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { isUuid, type Loaders, type Principal } from '@gesit/platform';
import { Role } from '../users/role';
import { PeopleDirectory } from './people.directory';

/** What decides whether someone's e-mail address and phone number may be shown to a viewer. */
export interface ContactFacts {
  self: boolean;
  admin: boolean;
  sameUnit: boolean;
  /** The viewer holds a position above the person in the chain of command. */
  above: boolean;
}

/**
 * Names, positions and units are open to every colleague; e-mail and phone only to the person, to the
 * people of their own unit, to the leaders above them and to administrators.
 */
export const maySeeContact = (f: ContactFacts): boolean => f.self || f.admin || f.sameUnit || f.above;

/** An address shown to someone who may not see it: enough to recognise the office, not to write to the person. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

@Injectable()
export class ContactVisibility {
  constructor(private readonly directory: PeopleDirectory) {}

  /** Per request: whether the caller may see each person's e-mail and phone (two queries per batch). */
  visibleTo(loaders: Loaders, viewer: Principal): DataLoader<string, boolean> {
    return loaders.get(
      `identity.contactVisible.${viewer.userId}`,
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const valid = ids.filter(isUuid);
          const [placed, below] = await Promise.all([
            this.directory.placed([viewer.userId, ...valid]),
            this.directory.below(viewer.userId, valid),
          ]);
          const unitOf = (id: string) => placed.get(id)?.unitId ?? null;
          const mine = unitOf(viewer.userId);
          return ids.map((id) =>
            maySeeContact({
              self: id === viewer.userId,
              admin: viewer.roles.includes(Role.ADMIN),
              sameUnit: mine !== null && mine === unitOf(id),
              above: below.has(id),
            }),
          );
        }),
    );
  }
}

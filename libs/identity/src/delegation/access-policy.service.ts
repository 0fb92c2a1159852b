import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Loaders, type Principal } from '@gesit/platform';
import type { Readers } from '../directory/people.sql';
import { DelegationsService } from './delegations.service';
import { ActingContext, actingContextFor } from './access-rules';

/**
 * Who acts in whose name, for every capability: as oneself or as an official's active Plh/Plt. (Who may
 * read a record is the SQL of the capability that owns it, e.g. correspondence's letter access.) Pass the
 * request's `Loaders` (GraphqlContext.loaders) so that the answers are cached for the request.
 */
@Injectable()
export class AccessPolicyService {
  constructor(private readonly delegations: DelegationsService) {}

  /**
   * Acting as oneself, or, with `actingForUserId`, as Plh/Plt of that official while the delegation is
   * active now (FORBIDDEN otherwise).
   */
  async actingContext(caller: Principal, actingForUserId?: string | null, loaders = new Loaders()): Promise<ActingContext> {
    const officials = actingForUserId && actingForUserId !== caller.userId ? await this.officialsActedForNow(caller.userId, loaders) : [];
    return actingContextFor(caller.userId, actingForUserId, officials);
  }

  /**
   * The context for acting on something that belongs to `ownerUserId` (an assignment, an approval step):
   * as the owner, or as the owner's active Plh/Plt; null when the caller is neither.
   */
  async actingOn(caller: Principal, ownerUserId: string, loaders = new Loaders()): Promise<ActingContext | null> {
    if (ownerUserId === caller.userId) return actingContextFor(caller.userId, null, []);
    const officials = await this.officialsActedForNow(caller.userId, loaders);
    return officials.includes(ownerUserId) ? actingContextFor(caller.userId, ownerUserId, officials) : null;
  }

  /** The officials whose Plh/Plt `userId` holds at `at`. */
  officialsActedFor(userId: string, at: Date): Promise<string[]> {
    return this.delegations.officialsActedFor(userId, at);
  }

  /** The caller and every official whose active Plh/Plt the caller holds: whose letters the caller sees. */
  async viewerIds(caller: Principal, loaders = new Loaders()): Promise<string[]> {
    return [caller.userId, ...(await this.officialsActedForNow(caller.userId, loaders))];
  }

  /**
   * viewerIds with everyone below them in the chain of command, read in the same statement: the two arrays
   * that readersSql (correspondence) takes as parameters.
   */
  readers(caller: Principal, loaders = new Loaders()): Promise<Readers> {
    return loaders
      .get(
        'identity.readersNow',
        () => new DataLoader((userIds: readonly string[]) => Promise.all(userIds.map((id) => this.delegations.readersNow(id)))),
      )
      .load(caller.userId);
  }

  private officialsActedForNow(userId: string, loaders: Loaders): Promise<string[]> {
    return loaders
      .get(
        'identity.officialsActedForNow',
        () =>
          new DataLoader((userIds: readonly string[]) =>
            Promise.all(userIds.map((id) => this.delegations.officialsActedFor(id, new Date()))),
          ),
      )
      .load(userId);
  }
}

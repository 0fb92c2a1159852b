import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Loaders, type Principal } from '@gesit/platform';
import { DelegationsService } from '../delegation/delegations.service';
import { ActingContext, actingContextFor, mayRead, RecordAudience } from './access-rules';
import { ChainOfCommandService } from './chain-of-command.service';

/**
 * Record-level access for every capability: who acts in whose name, and who may read what. Pass the
 * request's `Loaders` (GraphqlContext.loaders) so that the answers are cached for the request.
 */
@Injectable()
export class AccessPolicyService {
  constructor(
    private readonly delegations: DelegationsService,
    private readonly chain: ChainOfCommandService,
  ) {}

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

  isAbove(leaderUserId: string, userId: string, loaders = new Loaders()): Promise<boolean> {
    return this.chain.isAbove(leaderUserId, userId, loaders);
  }

  /**
   * Whether the caller may read a record (a letter, a file it holds): named on it, Plh/Plt of someone
   * named on it, or a leader above someone named on it unless it is restricted. Callers answer NOT_FOUND
   * when this is false, so that a record's existence does not leak.
   */
  async canRead(caller: Principal, record: RecordAudience, loaders = new Loaders()): Promise<boolean> {
    const viewers = await this.viewerIds(caller, loaders);
    if (mayRead(viewers, record, [])) return true;
    if (record.restricted) return false;
    const leaders = await Promise.all(record.namedUserIds.map((id) => this.chain.leadersAbove(id, loaders)));
    return mayRead(viewers, record, leaders.flat());
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

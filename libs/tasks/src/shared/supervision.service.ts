import { Injectable } from '@nestjs/common';
import { AccessPolicyService, ChainOfCommandService } from '@gesit/identity';
import { Loaders, type Principal } from '@gesit/platform';

/** Whom the caller answers for in hybrid work: themselves, the officials they act for as Plh/Plt, and the people below. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly policy: AccessPolicyService,
    private readonly chain: ChainOfCommandService,
  ) {}

  /** Whether the caller is `userId`, or holds their active Plh/Plt. */
  async actsAs(principal: Principal, userId: string, loaders = new Loaders()): Promise<boolean> {
    return (await this.policy.viewerIds(principal, loaders)).includes(userId);
  }

  /** The caller and every official whose active Plh/Plt they hold. */
  viewerIds(principal: Principal, loaders = new Loaders()): Promise<string[]> {
    return this.policy.viewerIds(principal, loaders);
  }

  /** Whether the caller (or an official they act for) is above `userId`, or is them. */
  async oversees(principal: Principal, userId: string, loaders = new Loaders()): Promise<boolean> {
    const me = await this.policy.viewerIds(principal, loaders);
    if (me.includes(userId)) return true;
    const leaders = await this.chain.leadersAbove(userId, loaders);
    return leaders.some((id) => me.includes(id));
  }
}

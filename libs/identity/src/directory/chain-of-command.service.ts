import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupByKeys, Loaders, isUuid } from '@gesit/platform';

// Positions are never re-parented, so the chain has no cycles; the bound only guards against bad data.
const MAX_DEPTH = 64;

/**
 * The chain of command between users, through the superiors of their positions. Answers are cached in
 * the `Loaders` of one request (pass the GraphQL context's); without one each call asks afresh.
 */
@Injectable()
export class ChainOfCommandService {
  constructor(private readonly dataSource: DataSource) {}

  /** The nearest holder of a position above the user's (vacant positions are skipped); null at the top. */
  async superiorOf(userId: string, loaders = new Loaders()): Promise<string | null> {
    return (await this.leadersAbove(userId, loaders))[0] ?? null;
  }

  /** The holders of every position above the user's, nearest first. */
  leadersAbove(userId: string, loaders = new Loaders()): Promise<string[]> {
    return loaders
      .get(
        'identity.leadersAbove',
        () =>
          new DataLoader(async (userIds: readonly string[]) => {
            const rows: { user_id: string; leader_id: string }[] = await this.dataSource.query(
              `WITH RECURSIVE up(user_id, position_id, depth) AS (
                 SELECT u.id, p.superior_id, 1 FROM app_user u JOIN position p ON p.id = u.position_id
                  WHERE u.id = ANY($1::uuid[]) AND p.superior_id IS NOT NULL
                 UNION ALL
                 SELECT up.user_id, p.superior_id, up.depth + 1 FROM up JOIN position p ON p.id = up.position_id
                  WHERE p.superior_id IS NOT NULL AND up.depth < $2
               )
               SELECT up.user_id, h.id AS leader_id FROM up JOIN app_user h ON h.position_id = up.position_id
                ORDER BY up.user_id, up.depth`,
              [userIds.filter(isUuid), MAX_DEPTH],
            );
            return groupByKeys(userIds, rows, (r) => r.user_id).map((group) => group.map((r) => r.leader_id));
          }),
      )
      .load(userId);
  }
}

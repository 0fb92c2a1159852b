import { Injectable } from '@nestjs/common';
import { PeopleDirectory, PeopleService } from '@gesit/identity';
import type { NotifyInput } from '@gesit/notifications';
import { Loaders } from '@gesit/platform';

/**
 * Notices of something an official must decide or review, each with its twin for whoever is their Plh/Plt right
 * now: the deputy decides and reviews in their place (decideWorkArrangement, reviewDailyReport), so must hear of
 * it too, and be told whom they stand in for.
 */
@Injectable()
export class DeputyNotices {
  constructor(
    private readonly people: PeopleDirectory,
    private readonly directory: PeopleService,
  ) {}

  async withDeputies(notices: (NotifyInput & { dedupeKey: string })[]): Promise<NotifyInput[]> {
    const officials = [...new Set(notices.map((n) => n.userId))];
    const found = await this.directory.actingFor(new Loaders()).loadMany(officials);
    const deputyOf = new Map(
      officials.flatMap((official, i) => {
        const deputy = found[i];
        return deputy && !(deputy instanceof Error) ? [[official, deputy.id] as const] : [];
      }),
    );
    if (!deputyOf.size) return notices;
    const names = await this.people.names([...deputyOf.keys()]);
    return notices.flatMap((notice) => {
      const deputy = deputyOf.get(notice.userId);
      if (!deputy) return [notice];
      const official = names.get(notice.userId) ?? 'pejabat';
      return [
        notice,
        {
          ...notice,
          userId: deputy,
          title: `Sebagai Plh/Plt ${official}: ${notice.title}`,
          titleEn: `As Plh/Plt of ${official}: ${notice.titleEn ?? notice.title}`,
          dedupeKey: `${notice.dedupeKey}-${deputy}`,
        },
      ];
    });
  }
}

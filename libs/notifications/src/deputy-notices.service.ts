import { Injectable } from '@nestjs/common';
import { PeopleDirectory, PeopleService } from '@gesit/identity';
import { Loaders } from '@gesit/platform';
import type { NotifyInput } from './notifications.service';

/**
 * Who stands in for an official today (their Plh/Plt), for notices of work on the official's desk: the deputy does
 * that work in their place, so must hear of it too, and be told whom they stand in for.
 */
@Injectable()
export class DeputyNotices {
  constructor(
    private readonly people: PeopleDirectory,
    private readonly directory: PeopleService,
  ) {}

  /** The Plh/Plt acting today for each of `officials` who has one, with the official's name. */
  async deputies(loaders: Loaders, officials: readonly string[]): Promise<Map<string, { id: string; official: string }>> {
    const distinct = [...new Set(officials)];
    const found = await this.directory.actingFor(loaders).loadMany(distinct);
    const acting = distinct.flatMap((official, i) => {
      const deputy = found[i];
      return deputy && !(deputy instanceof Error) ? [[official, deputy.id] as const] : [];
    });
    if (!acting.length) return new Map();
    const names = await this.people.names(acting.map(([official]) => official));
    return new Map(acting.map(([official, id]) => [official, { id, official: names.get(official) ?? 'pejabat' }]));
  }

  /** Each notice, and its twin for the addressee's Plh/Plt of today, saying whom they stand in for. */
  async withDeputies(notices: (NotifyInput & { dedupeKey: string })[], loaders = new Loaders()): Promise<NotifyInput[]> {
    const deputies = await this.deputies(
      loaders,
      notices.map((n) => n.userId),
    );
    return notices.flatMap((notice) => {
      const deputy = deputies.get(notice.userId);
      if (!deputy) return [notice];
      return [
        notice,
        {
          ...notice,
          userId: deputy.id,
          title: `Sebagai Plh/Plt ${deputy.official}: ${notice.title}`,
          titleEn: `As Plh/Plt of ${deputy.official}: ${notice.titleEn ?? notice.title}`,
          dedupeKey: `${notice.dedupeKey}-${deputy.id}`,
        },
      ];
    });
  }
}

export { DigestService, digestDedupeKey } from './digest.service';
export { digestDateAt, previousWorkingDate } from './digest-schedule';
export { DIGEST_KIND } from './digest-texts';

export { FailedJobsService, KNOWN_QUEUES, redactJobData, REDACTED } from './failed-jobs.service';
export { FailedJobsResolver } from './failed-jobs.resolver';
export { FailedJobType, FailedJobConnection } from './failed-job.type';

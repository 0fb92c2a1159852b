/**
 * Milliseconds since the epoch of a timestamptz column, truncated as a JavaScript Date holds them: a cast
 * to bigint rounds, and a time with a fraction of a millisecond past .5 would then name a job that the job
 * itself does not recognise.
 */
export const epochMsSql = (column: string): string => `floor(extract(epoch FROM ${column}) * 1000)::bigint`;

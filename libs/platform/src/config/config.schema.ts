import { isIP } from 'node:net';
import { z } from 'zod';

/** Secrets that ship in the repository: fine on a laptop, refused in production. */
export const DEVELOPMENT_SECRET = 'gesit-development-secret-change-me-0000000000';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const rolesList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Default 127.0.0.1, production 0.0.0.0; the Docker image sets 0.0.0.0 itself. */
  HOST: z.string().optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/gesit'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Distinct statements each connection keeps prepared (planned once per connection); 0 prepares none. */
  DATABASE_PREPARED_STATEMENTS: z.coerce.number().int().min(0).max(10_000).default(256),
  /** How long a request waits for a free pooled connection before it is told to try again. */
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** PostgreSQL statement_timeout of application connections (migrations run without it). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  /** PostgreSQL lock_timeout: how long a statement waits for a row, table or advisory lock. */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** PostgreSQL idle_in_transaction_session_timeout: a transaction left idle this long is ended by the server. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
  DATABASE_SYNCHRONIZE: bool.default(false),
  DATABASE_CREATE_IF_MISSING: bool.optional(),
  MIGRATIONS_RUN_ON_START: bool.optional(),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('gesit'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY: z.string().optional(),
  S3_SECRET_KEY: z.string().optional(),
  S3_BUCKET: z.string().default('gesit'),
  S3_REGION: z.string().default('us-east-1'),
  S3_PART_SIZE_MB: z.coerce.number().int().min(5).max(5120).default(64),
  /** An object storage request that sends or receives nothing for this long fails. */
  S3_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  STORAGE_DIR: z.string().default('./data/files'),
  /** Stored objects that no file row references are removed by the sweep once they are this old. */
  STORAGE_ORPHAN_GRACE_MINUTES: z.coerce.number().min(0).default(60),
  UPLOAD_SPOOL_DIR: z.string().optional(),
  /** The built web console (`npm run build:web`), served at `/`. */
  WEB_DIR: z.string().default('./dist/web'),
  AGENDA_NUMBER_FORMAT: z
    .string()
    .refine((f) => f.includes('{seq'), 'AGENDA_NUMBER_FORMAT needs {seq}, e.g. {seq:4}/{unitCode}/{year}')
    .default('{seq:4}/{unitCode}/{year}'),
  /**
   * A registry search whose text the planner expects in more letters than this reads the searcher's own letters
   * and filters them, instead of checking each matching letter against the access rule.
   */
  LETTER_SEARCH_COMMON_MATCHES: z.coerce.number().int().min(0).default(1000),
  ARCHIVE_DOSSIER_NUMBER_FORMAT: z
    .string()
    .refine((f) => f.includes('{seq'), 'ARCHIVE_DOSSIER_NUMBER_FORMAT needs {seq}, e.g. {seq:4}/{classification}/{unitCode}/{year}')
    .default('{seq:4}/{classification}/{unitCode}/{year}'),
  /** OCR jobs one worker process runs at once (each runs one tesseract process, about one core). */
  ARCHIVE_OCR_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  /** A page whose OCR takes longer than this fails (and the record is retried). */
  ARCHIVE_OCR_PAGE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** Years from now that a legal hold extends the object lock of the dossier's files to, at least. */
  ARCHIVE_LEGAL_HOLD_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  UPLOAD_MAX_MB: z.coerce.number().min(1).max(10240).default(50),
  DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').default(DEVELOPMENT_SECRET),
  ENCRYPTION_KEY: z.string().min(32, 'ENCRYPTION_KEY must be at least 32 characters').default(DEVELOPMENT_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  MFA_REQUIRED_ROLES: rolesList.default(['LEADER', 'ADMIN']),
  BOOTSTRAP_ADMIN_NIP: z.string().optional(),
  BOOTSTRAP_ADMIN_EMAIL: z.string().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().optional(),
  SEED_DEMO: bool.optional(),
  /** Sign-in attempts (login and verifyMfa, each) one IP address may make per minute; default 20, 1000 under NODE_ENV=test. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  /** Sign-in attempts one IP address may make per minute for one account (by the identifier given); default 10, 1000 under NODE_ENV=test. */
  AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  /** Reverse proxies whose X-Forwarded-* headers are believed: addresses or CIDR ranges, comma-separated; none by default. */
  TRUSTED_PROXIES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((entry) => isIP(entry.split('/')[0]) !== 0),
      'TRUSTED_PROXIES must list IP addresses or CIDR ranges, e.g. 10.0.0.0/8,127.0.0.1',
    )
    .default([]),
  /** Longest a whole HTTP request, body included, may take to arrive (Fastify requestTimeout). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
  /** A connection with no traffic for this long is closed (Fastify connectionTimeout). */
  HTTP_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** An upload that sends no bytes for this long is answered 408 and discarded. */
  UPLOAD_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Outgoing e-mail: an smtp:// (STARTTLS when offered) or smtps:// URL, or SMTP_HOST and the rest; e-mail is off when neither is set. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: bool.optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().default('Gesit <no-reply@gesit.local>'),
  /** WhatsApp Business Cloud API: the channel is on only when both the access token and the sender's phone number id are set. */
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d+$/, 'WHATSAPP_PHONE_NUMBER_ID is the numeric id Meta gives the sending number')
    .optional(),
  WHATSAPP_API_URL: z.string().url().default('https://graph.facebook.com/v21.0'),
  /** An approved template with two body parameters: {{1}} the title, {{2}} the text. */
  WHATSAPP_TEMPLATE: z.string().min(1).default('gesit_notifikasi'),
  WHATSAPP_TEMPLATE_LANGUAGE: z.string().min(2).default('id'),
  /** The same for people who chose English: by default the English translation (`en`) of WHATSAPP_TEMPLATE. */
  WHATSAPP_TEMPLATE_EN: z.string().min(1).optional(),
  WHATSAPP_TEMPLATE_LANGUAGE_EN: z.string().min(2).default('en'),
  WHATSAPP_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** How often the worker looks for reminders, escalations and deliveries that a lost job left undone (seconds). */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** A running job's lock, renewed while it runs: the job of a worker that died runs again within about twice this (seconds). */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(2000),
  /** Schema introspection; default on, off in production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** "Did you mean …" hints in validation errors, which reveal field names; default on, off in production. */
  GRAPHQL_FIELD_SUGGESTIONS: bool.optional(),
  /** Who signs outgoing letters: `local` (PKCS#12 institution seal) or `bsre` (BSSN's e-signature service, personal certificates). */
  SIGNER: z.enum(['local', 'bsre']).default('local'),
  /** PKCS#12 of the institution seal; required in production with SIGNER=local. Without it, development generates one. */
  SIGNING_P12_PATH: z.string().optional(),
  SIGNING_P12_PASSPHRASE: z.string().optional(),
  /** Where development and tests keep the generated seal (default ./data/signing; tests: the system temp dir). */
  SIGNING_DEV_DIR: z.string().optional(),
  /** Printed as the signature's location, e.g. the city of the office. */
  SIGNING_LOCATION: z.string().default('Indonesia'),
  /** Years a signed letter stays under object lock. */
  SIGNED_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  BSRE_URL: z.url().optional(),
  BSRE_USERNAME: z.string().optional(),
  BSRE_PASSWORD: z.string().optional(),
  BSRE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  /** Public document checks (verifyDocument fields, /verify pages and uploads) one IP address may make per minute; default 60, 1000 under NODE_ENV=test. */
  VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  /** Root fields (aliases included) one GraphQL operation may select. */
  GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(20),
  /** How often each API process re-checks the session of every open subscription (revocations are pushed at once; this catches a lost message). */
  SUBSCRIPTION_SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Signs the audit checkpoints; kept out of the database, so that whoever can rewrite the database cannot forge one. */
  AUDIT_HMAC_KEY: z.string().min(32, 'AUDIT_HMAC_KEY must be at least 32 characters').default(DEVELOPMENT_SECRET),
  /** How often the worker writes an audit checkpoint (when events were added since the last). */
  AUDIT_CHECKPOINT_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** Years an audit checkpoint stays under object lock. */
  AUDIT_CHECKPOINT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  /** Working days after a report's date until which a daily work report may still be submitted. */
  DAILY_REPORT_DEADLINE_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  /** Weekdays a week a person may work away from the office under approved LOCATION arrangements (PermenPAN-RB 4/2025 Pasal 13). */
  FLEX_LOCATION_MAX_DAYS_PER_WEEK: z.coerce.number().int().min(0).max(5).default(2),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RawConfig = z.infer<typeof configSchema>;

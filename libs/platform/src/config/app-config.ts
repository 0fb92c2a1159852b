import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configSchema, DEVELOPMENT_SECRET, RawConfig } from './config.schema';

export interface S3Settings {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  partSize: number;
  timeoutMs: number;
}

/** Outgoing e-mail (notifications). */
export interface SmtpSettings {
  /** smtp:// or smtps:// with the credentials, as nodemailer takes it. */
  url: string;
  from: string;
}

/** WhatsApp Business Cloud API (notifications by template message). */
export interface WhatsAppSettings {
  apiUrl: string;
  accessToken: string;
  phoneNumberId: string;
  template: string;
  language: string;
  /** The template for people who read English (setMyLanguage): by default the English translation of the same template. */
  templateEn: string;
  languageEn: string;
  timeoutMs: number;
}

/** How outgoing letters are signed (the approvals library's Signer port). */
/** The records archive (libs/archive). */
export interface ArchiveSettings {
  dossierNumberFormat: string;
  ocrConcurrency: number;
  ocrPageTimeoutMs: number;
  legalHoldRetentionYears: number;
}

export interface SigningSettings {
  signer: 'local' | 'bsre';
  p12Path: string | null;
  p12Passphrase: string;
  /** Where a development seal is generated and kept when no PKCS#12 is configured. */
  developmentDir: string;
  location: string;
  retentionYears: number;
  bsre: { url: string; username: string; password: string; timeoutMs: number } | null;
}

/** Bounds on every wait of request work for the database, in ms. */
export interface DatabaseTimeouts {
  /** Waiting for a free pooled connection. */
  acquireMs: number;
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
}

/** argon2id cost: OWASP's recommendation everywhere but in automated tests, which would otherwise spend their time hashing. */
export interface PasswordHashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

const PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const TEST_PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 1_024, timeCost: 1, parallelism: 1 };

/** The validated, typed configuration of one process. */
export class AppConfig {
  readonly env: RawConfig['NODE_ENV'];
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly publicBaseUrl: string;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly databasePreparedStatements: number;
  readonly databaseTimeouts: DatabaseTimeouts;
  readonly createDatabaseIfMissing: boolean;
  readonly runMigrationsOnStart: boolean;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly s3: S3Settings | null;
  readonly storageDir: string;
  /** The built web console; the API serves it at / when its index.html is there. */
  readonly webDir: string;
  /** Minutes an object may go unreferenced before the storage sweep removes it (uploads in flight stay). */
  readonly storageOrphanGraceMinutes: number;
  readonly smtp: SmtpSettings | null;
  readonly whatsapp: WhatsAppSettings | null;
  readonly agendaNumberFormat: string;
  /** LETTER_SEARCH_COMMON_MATCHES */
  readonly letterSearchCommonMatches: number;
  readonly archive: ArchiveSettings;
  readonly signing: SigningSettings;
  readonly uploadMaxBytes: number;
  /**
   * Where an upload is written while it is hashed and checked. With the disk driver it is inside the
   * storage directory, so that a finished upload is moved into place by a rename on the same file
   * system instead of being copied; with S3, the system's temporary directory.
   */
  readonly uploadSpoolDir: string;
  readonly downloadUrlTtlSeconds: number;
  readonly jwtSecret: string;
  readonly encryptionKey: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly mfaRequiredRoles: string[];
  readonly bootstrapAdmin: { nip: string; email: string; password: string } | null;
  readonly seedDemo: boolean;
  readonly passwordHashCost: PasswordHashCost;
  readonly authRateLimitPerMinute: number;
  readonly authAccountRateLimitPerMinute: number;
  /** Fastify's trustProxy: the addresses and ranges of reverse proxies, or false for none. */
  readonly trustedProxies: string[] | false;
  readonly httpRequestTimeoutMs: number;
  readonly httpConnectionTimeoutMs: number;
  readonly uploadIdleTimeoutMs: number;
  readonly graphqlIntrospection: boolean;
  readonly graphqlFieldSuggestions: boolean;
  readonly graphqlMaxDepth: number;
  readonly graphqlMaxComplexity: number;
  readonly graphqlMaxRootFields: number;
  readonly verifyRateLimitPerMinute: number;
  readonly subscriptionSessionCheckSeconds: number;
  readonly auditHmacKey: string;
  readonly auditCheckpointEveryMinutes: number;
  readonly auditCheckpointRetentionYears: number;
  readonly logLevel: RawConfig['LOG_LEVEL'];
  /** Working days after its date until which a daily report may be submitted. */
  readonly dailyReportDeadlineWorkingDays: number;
  /** Weekdays a week away from the office that LOCATION arrangements may add up to. */
  readonly flexLocationMaxDaysPerWeek: number;
  /** Period of the repair sweeps (SLA reminders, notification deliveries). */
  readonly sweepIntervalMs: number;
  /** BullMQ's job lock and stalled-job check: how soon the jobs of a worker that died are taken up again. */
  readonly jobLockMs: number;

  constructor(raw: RawConfig) {
    this.env = raw.NODE_ENV;
    this.production = raw.NODE_ENV === 'production';
    this.port = raw.PORT;
    // Listening on every interface is a choice made where it is needed (production, the Docker image).
    this.host = raw.HOST ?? (this.production ? '0.0.0.0' : '127.0.0.1');
    this.publicBaseUrl = (raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
    this.databaseUrl = raw.DATABASE_URL;
    this.databasePoolSize = raw.DATABASE_POOL_SIZE;
    this.databasePreparedStatements = raw.DATABASE_PREPARED_STATEMENTS;
    this.databaseTimeouts = {
      acquireMs: raw.DATABASE_ACQUIRE_TIMEOUT_MS,
      statementMs: raw.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: raw.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionMs: raw.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    };
    this.createDatabaseIfMissing = raw.DATABASE_CREATE_IF_MISSING ?? !this.production;
    this.runMigrationsOnStart = raw.MIGRATIONS_RUN_ON_START ?? !this.production;
    this.redisUrl = raw.REDIS_URL;
    this.queuePrefix = raw.QUEUE_PREFIX;
    this.s3 = raw.S3_ENDPOINT
      ? {
          endpoint: raw.S3_ENDPOINT,
          accessKey: raw.S3_ACCESS_KEY ?? '',
          secretKey: raw.S3_SECRET_KEY ?? '',
          bucket: raw.S3_BUCKET,
          region: raw.S3_REGION,
          partSize: raw.S3_PART_SIZE_MB * 1024 * 1024,
          timeoutMs: raw.S3_TIMEOUT_MS,
        }
      : null;
    this.storageDir = resolve(raw.STORAGE_DIR);
    this.webDir = resolve(raw.WEB_DIR);
    this.storageOrphanGraceMinutes = raw.STORAGE_ORPHAN_GRACE_MINUTES;
    this.smtp = smtpSettings(raw);
    this.whatsapp =
      raw.WHATSAPP_ACCESS_TOKEN && raw.WHATSAPP_PHONE_NUMBER_ID
        ? {
            apiUrl: raw.WHATSAPP_API_URL.replace(/\/+$/, ''),
            accessToken: raw.WHATSAPP_ACCESS_TOKEN,
            phoneNumberId: raw.WHATSAPP_PHONE_NUMBER_ID,
            template: raw.WHATSAPP_TEMPLATE,
            language: raw.WHATSAPP_TEMPLATE_LANGUAGE,
            templateEn: raw.WHATSAPP_TEMPLATE_EN ?? raw.WHATSAPP_TEMPLATE,
            languageEn: raw.WHATSAPP_TEMPLATE_LANGUAGE_EN,
            timeoutMs: raw.WHATSAPP_TIMEOUT_MS,
          }
        : null;
    this.agendaNumberFormat = raw.AGENDA_NUMBER_FORMAT;
    this.letterSearchCommonMatches = raw.LETTER_SEARCH_COMMON_MATCHES;
    this.archive = {
      dossierNumberFormat: raw.ARCHIVE_DOSSIER_NUMBER_FORMAT,
      ocrConcurrency: raw.ARCHIVE_OCR_CONCURRENCY,
      ocrPageTimeoutMs: raw.ARCHIVE_OCR_PAGE_TIMEOUT_MS,
      legalHoldRetentionYears: raw.ARCHIVE_LEGAL_HOLD_RETENTION_YEARS,
    };
    this.signing = signingSettings(raw);
    this.uploadMaxBytes = Math.round(raw.UPLOAD_MAX_MB * 1024 * 1024);
    this.uploadSpoolDir = raw.UPLOAD_SPOOL_DIR
      ? resolve(raw.UPLOAD_SPOOL_DIR)
      : this.s3
        ? join(tmpdir(), 'gesit-uploads')
        : join(this.storageDir, '.spool');
    this.downloadUrlTtlSeconds = raw.DOWNLOAD_URL_TTL_SECONDS;
    this.jwtSecret = raw.JWT_SECRET;
    this.encryptionKey = raw.ENCRYPTION_KEY;
    this.accessTokenTtlSeconds = raw.ACCESS_TOKEN_TTL_SECONDS;
    this.refreshTokenTtlDays = raw.REFRESH_TOKEN_TTL_DAYS;
    this.mfaRequiredRoles = raw.MFA_REQUIRED_ROLES;
    this.bootstrapAdmin =
      raw.BOOTSTRAP_ADMIN_NIP && raw.BOOTSTRAP_ADMIN_EMAIL && raw.BOOTSTRAP_ADMIN_PASSWORD
        ? { nip: raw.BOOTSTRAP_ADMIN_NIP, email: raw.BOOTSTRAP_ADMIN_EMAIL, password: raw.BOOTSTRAP_ADMIN_PASSWORD }
        : null;
    this.seedDemo = raw.SEED_DEMO ?? !this.production;
    this.passwordHashCost = raw.NODE_ENV === 'test' ? TEST_PASSWORD_HASH_COST : PASSWORD_HASH_COST;
    this.authRateLimitPerMinute = raw.AUTH_RATE_LIMIT_PER_MINUTE ?? (raw.NODE_ENV === 'test' ? 1000 : 20);
    this.authAccountRateLimitPerMinute = raw.AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE ?? (raw.NODE_ENV === 'test' ? 1000 : 10);
    this.trustedProxies = raw.TRUSTED_PROXIES.length ? raw.TRUSTED_PROXIES : false;
    this.httpRequestTimeoutMs = raw.HTTP_REQUEST_TIMEOUT_MS;
    this.httpConnectionTimeoutMs = raw.HTTP_CONNECTION_TIMEOUT_MS;
    this.uploadIdleTimeoutMs = raw.UPLOAD_IDLE_TIMEOUT_MS;
    this.graphqlIntrospection = raw.GRAPHQL_INTROSPECTION ?? !this.production;
    this.graphqlFieldSuggestions = raw.GRAPHQL_FIELD_SUGGESTIONS ?? !this.production;
    this.graphqlMaxDepth = raw.GRAPHQL_MAX_DEPTH;
    this.graphqlMaxComplexity = raw.GRAPHQL_MAX_COMPLEXITY;
    this.graphqlMaxRootFields = raw.GRAPHQL_MAX_ROOT_FIELDS;
    this.subscriptionSessionCheckSeconds = raw.SUBSCRIPTION_SESSION_CHECK_SECONDS;
    this.auditHmacKey = raw.AUDIT_HMAC_KEY;
    this.auditCheckpointEveryMinutes = raw.AUDIT_CHECKPOINT_EVERY_MINUTES;
    this.auditCheckpointRetentionYears = raw.AUDIT_CHECKPOINT_RETENTION_YEARS;
    this.verifyRateLimitPerMinute = raw.VERIFY_RATE_LIMIT_PER_MINUTE ?? (raw.NODE_ENV === 'test' ? 1000 : 60);
    this.logLevel = raw.LOG_LEVEL;
    this.dailyReportDeadlineWorkingDays = raw.DAILY_REPORT_DEADLINE_WORKING_DAYS;
    this.flexLocationMaxDaysPerWeek = raw.FLEX_LOCATION_MAX_DAYS_PER_WEEK;
    this.sweepIntervalMs = raw.SWEEP_INTERVAL_SECONDS * 1000;
    this.jobLockMs = raw.JOB_LOCK_SECONDS * 1000;
  }
}

function smtpSettings(raw: RawConfig): SmtpSettings | null {
  if (raw.SMTP_URL) return { url: raw.SMTP_URL, from: raw.SMTP_FROM };
  if (!raw.SMTP_HOST) return null;
  const secure = raw.SMTP_SECURE ?? raw.SMTP_PORT === 465;
  const credentials = raw.SMTP_USER ? `${encodeURIComponent(raw.SMTP_USER)}:${encodeURIComponent(raw.SMTP_PASS ?? '')}@` : '';
  return { url: `${secure ? 'smtps' : 'smtp'}://${credentials}${raw.SMTP_HOST}:${raw.SMTP_PORT}`, from: raw.SMTP_FROM };
}

function signingSettings(raw: RawConfig): SigningSettings {
  const developmentDir = raw.SIGNING_DEV_DIR ?? (raw.NODE_ENV === 'test' ? join(tmpdir(), 'gesit-dev-signing') : './data/signing');
  return {
    signer: raw.SIGNER,
    p12Path: raw.SIGNING_P12_PATH ? resolve(raw.SIGNING_P12_PATH) : null,
    p12Passphrase: raw.SIGNING_P12_PASSPHRASE ?? '',
    developmentDir: resolve(developmentDir),
    location: raw.SIGNING_LOCATION,
    retentionYears: raw.SIGNED_RETENTION_YEARS,
    bsre: raw.BSRE_URL
      ? {
          url: raw.BSRE_URL.replace(/\/+$/, ''),
          username: raw.BSRE_USERNAME ?? '',
          password: raw.BSRE_PASSWORD ?? '',
          timeoutMs: raw.BSRE_TIMEOUT_MS,
        }
      : null,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; throws ConfigError naming every wrong setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`));
  }
  const raw = parsed.data;
  const problems: string[] = [];
  if (raw.NODE_ENV === 'production') {
    if (!present.JWT_SECRET || raw.JWT_SECRET === DEVELOPMENT_SECRET)
      problems.push('JWT_SECRET: set a secret of your own (at least 32 characters) in production');
    if (!present.ENCRYPTION_KEY || raw.ENCRYPTION_KEY === DEVELOPMENT_SECRET)
      problems.push('ENCRYPTION_KEY: set a key of your own (at least 32 characters) in production');
    if (raw.JWT_SECRET === raw.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY: must differ from JWT_SECRET');
    if (!present.AUDIT_HMAC_KEY || raw.AUDIT_HMAC_KEY === DEVELOPMENT_SECRET)
      problems.push('AUDIT_HMAC_KEY: set a key of your own (at least 32 characters) in production; keep it out of the database');
    if (raw.AUDIT_HMAC_KEY === raw.JWT_SECRET || raw.AUDIT_HMAC_KEY === raw.ENCRYPTION_KEY)
      problems.push('AUDIT_HMAC_KEY: must differ from JWT_SECRET and ENCRYPTION_KEY');
    if (!raw.S3_ENDPOINT)
      problems.push(
        'S3_ENDPOINT: production stores files in S3-compatible object storage (MinIO); set S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY',
      );
    else {
      if (!raw.S3_ACCESS_KEY) problems.push('S3_ACCESS_KEY: required with S3_ENDPOINT');
      if (!raw.S3_SECRET_KEY) problems.push('S3_SECRET_KEY: required with S3_ENDPOINT');
    }
    if (raw.DATABASE_SYNCHRONIZE)
      problems.push('DATABASE_SYNCHRONIZE: schema synchronisation is never allowed in production; run `npm run migration:run`');
    if (!raw.PUBLIC_BASE_URL)
      problems.push('PUBLIC_BASE_URL: set the public address printed in QR codes (e.g. https://gesit.example.go.id)');
  } else if (raw.DATABASE_SYNCHRONIZE) {
    problems.push('DATABASE_SYNCHRONIZE: Gesit changes its schema only through migrations; remove this setting');
  }
  if (raw.SMTP_URL && raw.SMTP_HOST)
    problems.push('SMTP_HOST: set either SMTP_URL or SMTP_HOST (with SMTP_PORT, SMTP_USER, SMTP_PASS), not both');
  if (raw.SMTP_USER && !raw.SMTP_PASS) problems.push('SMTP_PASS: required with SMTP_USER');
  if (raw.SIGNER === 'bsre' && !raw.BSRE_URL) problems.push('BSRE_URL: required with SIGNER=bsre (the BSrE API base URL)');
  // A signature is made inside the decision's transaction: the server must not end it while BSrE answers.
  if (raw.SIGNER === 'bsre' && raw.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS <= raw.BSRE_TIMEOUT_MS)
    problems.push('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: must be longer than BSRE_TIMEOUT_MS');
  if (raw.NODE_ENV === 'production' && !raw.SIGNING_P12_PATH)
    problems.push(
      'SIGNING_P12_PATH: production needs the institution seal, a PKCS#12 (and SIGNING_P12_PASSPHRASE): it signs the letters with SIGNER=local, and approval sheets and disposal minutes always',
    );
  if (problems.length) throw new ConfigError(problems);
  return new AppConfig(raw);
}

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
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/gesit'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
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
  STORAGE_DIR: z.string().default('./data/files'),
  AGENDA_NUMBER_FORMAT: z
    .string()
    .refine((f) => f.includes('{seq'), 'AGENDA_NUMBER_FORMAT needs {seq}, e.g. {seq:4}/{unitCode}/{year}')
    .default('{seq:4}/{unitCode}/{year}'),
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
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RawConfig = z.infer<typeof configSchema>;

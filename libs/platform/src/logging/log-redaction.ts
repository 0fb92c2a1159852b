/** What a redacted value is replaced with in a log line. */
export const REDACTED = '[Redacted]';

// Exact names (lower case) that carry credentials: HTTP headers and one-time codes (MFA).
const SECRET_NAMES = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'code', 'otp']);
// Name endings that carry credentials: password, newPassword, passphrase, accessToken, refreshToken, jwtSecret …
const SECRET_SUFFIXES = ['password', 'passphrase', 'token', 'secret'];

// Logged objects are small; anything deeper than this is not walked (and so not copied) further.
const MAX_DEPTH = 8;

function isSecretKey(key: string): boolean {
  const name = key.toLowerCase();
  return SECRET_NAMES.has(name) || SECRET_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/**
 * Returns `value` with every secret-named field replaced by REDACTED, at any depth of plain objects
 * and arrays. Copy-on-write: the caller's objects are never changed, and an object without secrets
 * is returned as it is. Class instances (errors, buffers, requests) are left to pino's serializers.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, i) => {
      const next = redactSecrets(item, depth + 1);
      if (next !== item) (copy ??= [...value])[i] = next;
    });
    return (copy ?? value) as T;
  }
  // A plain object's prototype is Object.prototype, possibly another realm's (Node's own request headers
  // under Jest, for one), so compare shapes, not identity.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return value;
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(source)) {
    const item = source[key];
    const next = isSecretKey(key) ? (item === undefined || item === null || item === '' ? item : REDACTED) : redactSecrets(item, depth + 1);
    if (next !== item) (copy ??= { ...source })[key] = next;
  }
  return (copy ?? value) as T;
}

// Query parameters that are the credential of a signed link: ours (sig) and S3's presigned ones.
const SIGNED_URL_PARAMS = /([?&](?:sig|signature|token|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&#]*/gi;

/** `url` with the signature of a signed download link replaced by REDACTED: the link itself is a credential. */
export function redactUrlSecrets(url: string): string {
  return url.replace(SIGNED_URL_PARAMS, `$1${REDACTED}`);
}

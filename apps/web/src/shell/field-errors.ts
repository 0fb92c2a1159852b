import type { CombinedError } from 'urql';

/**
 * The API's refusals by field ("entries.0.endTime" → its message): every field in `extensions.fields` when the
 * API lists them, else the one `extensions.field` of the refusal; refusals without a field are left to the message.
 */
export function fieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const ext = (e.extensions ?? {}) as { field?: unknown; fields?: unknown };
    if (Array.isArray(ext.fields)) {
      for (const f of ext.fields as { field?: string; path?: string; message?: string }[]) {
        const name = f.field ?? f.path;
        if (name) out[name] = f.message ?? e.message;
      }
    } else if (ext.fields && typeof ext.fields === 'object') {
      for (const [name, message] of Object.entries(ext.fields as Record<string, unknown>)) out[name] = String(message);
    } else if (typeof ext.field === 'string') {
      out[ext.field] = e.message;
    }
  }
  return out;
}

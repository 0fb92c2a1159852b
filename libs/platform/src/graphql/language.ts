import type { Language } from '../errors/message';

export type { Language };

/** Indonesian unless `Accept-Language` prefers English over Indonesian (q-values honoured). */
export function requestLanguage(headers: Record<string, string | string[] | undefined>): Language {
  const raw = headers['accept-language'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (!value) return 'id';
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => (t.primary === 'en' || t.primary === 'id') && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.primary === 'en' ? 'en' : 'id';
}

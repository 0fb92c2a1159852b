import { badInput } from '@gesit/platform';

/** Trims a required text field and refuses it empty or too long. */
export function requiredText(value: string | null | undefined, field: string, max = 1000): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput({ id: `Isian ${field} wajib diisi.`, en: `${field} is required.` }, { field });
  if (text.length > max)
    throw badInput({ id: `Isian ${field} lebih dari ${max} karakter.`, en: `${field} is longer than ${max} characters.` }, { field });
  return text;
}

export function optionalText(value: string | null | undefined, field: string, max = 4000): string | null {
  const text = (value ?? '').trim();
  if (text.length > max)
    throw badInput({ id: `Isian ${field} lebih dari ${max} karakter.`, en: `${field} is longer than ${max} characters.` }, { field });
  return text || null;
}

/** Ids of a list input: at least `min`, no repeats. */
export function distinctIds(ids: readonly string[], field: string, min = 1): string[] {
  const unique = [...new Set(ids)];
  if (unique.length < min)
    throw badInput(
      { id: `Isian ${field} memerlukan paling sedikit ${min} isi.`, en: `${field} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}.` },
      { field },
    );
  if (unique.length !== ids.length)
    throw badInput({ id: `Isian ${field} memuat id yang sama dua kali.`, en: `${field} lists the same id twice.` }, { field });
  return unique;
}

import { badInput, type Message } from '@gesit/platform';

/** Whether a record under `recordCode` belongs in a dossier under `dossierCode`: the same code or one below it. */
export function codeFitsDossier(recordCode: string, dossierCode: string): boolean {
  return recordCode === dossierCode || recordCode.startsWith(`${dossierCode}.`);
}

/** Trimmed text, null when empty; too long is refused (BAD_USER_INPUT) naming the field in both languages. */
export function textOrNull(value: string | null | undefined, label: Message, max: number, field?: string): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max)
    throw badInput(
      {
        id: `${label.id} terlalu panjang: paling banyak ${max} karakter.`,
        en: `${label.en} is too long: at most ${max} characters.`,
      },
      field ? { field } : undefined,
    );
  return text || null;
}

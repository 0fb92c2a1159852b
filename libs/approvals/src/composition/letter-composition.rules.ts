import { createHash } from 'node:crypto';
import { Urgency } from '@gesit/calendar';
import { badInput, FieldChecks, type Message } from '@gesit/platform';
import type { LetterContentInput, LetterTemplateInput } from './letter-composition.types';
import { PaperSize } from './letter-template.entity';

export interface NormalisedContent {
  templateId: string;
  attachmentsNote: string | null;
  addressee: string;
  addresseePlace: string | null;
  body: string;
  carbonCopies: string[];
}

export interface NormalisedTemplate {
  unitId: string;
  name: string;
  letterheadLines: string[];
  logoFileId: string | null;
  place: string;
  paperSize: PaperSize;
}

const MAX_CARBON_COPIES = 20;
const MAX_LETTERHEAD_LINES = 6;

function text(value: string | null | undefined, field: string, label: Message, max: number, required: boolean): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) {
    if (required) throw badInput({ id: `${label.id} belum diisi.`, en: `${label.en} is missing.` }, { field });
    return null;
  }
  if (trimmed.length > max)
    throw badInput(
      {
        id: `${label.id} terlalu panjang: paling banyak ${max} karakter, ini ${trimmed.length}.`,
        en: `${label.en} is too long: at most ${max} characters, this is ${trimmed.length}.`,
      },
      { field },
    );
  return trimmed;
}

/** The content of a composed draft as it will be stored, or a message saying what to fix. */
export function normaliseContent(input: LetterContentInput): NormalisedContent {
  const carbonCopies = (input.carbonCopies ?? []).map((c) => c.trim()).filter(Boolean);
  if (carbonCopies.length > MAX_CARBON_COPIES) {
    throw badInput(
      { id: `Tembusan paling banyak ${MAX_CARBON_COPIES} penerima.`, en: `At most ${MAX_CARBON_COPIES} carbon-copy recipients.` },
      { field: 'carbonCopies' },
    );
  }
  carbonCopies.forEach((copy, i) => text(copy, 'carbonCopies', { id: `Tembusan ke-${i + 1}`, en: `Carbon copy ${i + 1}` }, 300, true));
  return {
    templateId: input.templateId,
    attachmentsNote: text(input.attachmentsNote, 'attachmentsNote', { id: 'Lampiran', en: 'The attachments note' }, 200, false),
    addressee: text(input.addressee, 'addressee', { id: 'Tujuan surat (Yth.)', en: 'The addressee (Yth.)' }, 500, true)!,
    addresseePlace: text(
      input.addresseePlace,
      'addresseePlace',
      { id: 'Tempat tujuan (di ...)', en: "The addressee's place (di ...)" },
      200,
      false,
    ),
    body: text(input.body?.replace(/\r\n?/g, '\n'), 'body', { id: 'Isi surat', en: 'The body of the letter' }, 50_000, true)!,
    carbonCopies,
  };
}

/**
 * A letter template as it will be stored, or a message saying what to fix. Given `checks`, the bad fields
 * go there instead, for the caller to add the checks that need the database and call `done` itself.
 */
export function normaliseTemplate(input: LetterTemplateInput, collect?: FieldChecks): NormalisedTemplate {
  // Every bad field is reported at once.
  const checks = collect ?? new FieldChecks();
  const lines = input.letterheadLines.map((line) => line.trim()).filter(Boolean);
  if (!lines.length || lines.length > MAX_LETTERHEAD_LINES)
    checks.add('letterheadLines', {
      id: `Kop surat perlu 1 sampai ${MAX_LETTERHEAD_LINES} baris (pemerintah, instansi, alamat, kontak).`,
      en: `A letterhead needs 1 to ${MAX_LETTERHEAD_LINES} lines (government, agency, address, contact).`,
    });
  else
    lines.forEach((line, i) =>
      checks.run(() => text(line, 'letterheadLines', { id: `Baris kop ke-${i + 1}`, en: `Letterhead line ${i + 1}` }, 200, true), null),
    );
  const name = checks.run(() => text(input.name, 'name', { id: 'Nama templat', en: 'The template name' }, 200, true), null);
  const place = checks.run(() => text(input.place, 'place', { id: 'Tempat penandatanganan', en: 'The place of signing' }, 100, true), null);
  if (!collect) checks.done();
  return {
    unitId: input.unitId,
    name: name!,
    letterheadLines: lines,
    logoFileId: input.logoFileId ?? null,
    place: place!,
    paperSize: input.paperSize ?? PaperSize.A4,
  };
}

/** Sifat as printed on the letter, from the urgency. */
export function letterNature(urgency: Urgency): string {
  switch (urgency) {
    case Urgency.VERY_URGENT:
      return 'Sangat Segera';
    case Urgency.URGENT:
      return 'Segera';
    default:
      return 'Biasa';
  }
}

/** The hash a reviewer's approval records for a composed revision: of its content and template. */
export function contentSha256(content: NormalisedContent): string {
  const canonical = JSON.stringify([
    content.templateId,
    content.attachmentsNote,
    content.addressee,
    content.addresseePlace,
    content.body,
    content.carbonCopies,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

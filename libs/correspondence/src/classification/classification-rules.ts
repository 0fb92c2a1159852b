import type { FieldProblem } from '@gesit/platform';

const CODE = /^\d{3}(\.\d{1,3})*$/;
const MAX_YEARS = 100;

export interface ClassificationInput {
  code: string;
  name: string;
  parentCode?: string | null;
  activeYears: number;
  inactiveYears: number;
}

/** Problems with a code of the scheme, per field, as messages a records manager can act on; empty when it is sound. */
export function classificationProblems(input: ClassificationInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!CODE.test(input.code))
    problems.push({
      field: 'code',
      message: {
        id: `"${input.code}" bukan kode klasifikasi seperti 000, 000.1 atau 000.1.2.`,
        en: `"${input.code}" is not a classification code like 000, 000.1 or 000.1.2.`,
      },
    });
  if (!input.name.trim()) problems.push({ field: 'name', message: { id: 'Beri nama kode itu.', en: 'Give the code a name.' } });
  const parent = input.parentCode ?? null;
  const implied = input.code.includes('.') ? input.code.slice(0, input.code.lastIndexOf('.')) : null;
  if (parent !== implied) {
    problems.push({
      field: 'parentCode',
      message: implied
        ? {
            id: `Induk dari ${input.code} adalah ${implied}, bukan ${parent ?? 'kosong'}.`,
            en: `The parent of ${input.code} is ${implied}, not ${parent ?? 'none'}.`,
          }
        : {
            id: `${input.code} adalah kelompok teratas: kosongkan parentCode.`,
            en: `${input.code} is a top-level group: leave parentCode empty.`,
          },
    });
  }
  for (const [field, value] of [
    ['activeYears', input.activeYears],
    ['inactiveYears', input.inactiveYears],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_YEARS)
      problems.push({
        field,
        message: {
          id: `${field} harus bilangan bulat tahun dari 0 sampai ${MAX_YEARS}.`,
          en: `${field} must be a whole number of years from 0 to ${MAX_YEARS}.`,
        },
      });
  }
  return problems;
}

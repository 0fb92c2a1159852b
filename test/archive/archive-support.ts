import type { TestApi } from '../harness/app';
import { upload, uploadPdf } from '../harness/files';
import { uniqueSuffix } from '../harness/identity';

export const CREATE_DOSSIER = `mutation($input: CreateDossierInput!) {
  createDossier(input: $input) { id number title phase legalHold recordCount closedAt activeUntil inactiveUntil unit { id } classification { code } }
}`;
export const CLOSE_DOSSIER = `mutation($id: ID!) { closeDossier(id: $id) { id phase closedAt periodFrom periodTo activeUntil inactiveUntil } }`;
export const ARCHIVE_FILE = `mutation($input: ArchiveFileInput!) {
  archiveFile(input: $input) {
    id title ocrStatus phase securityLevel originality activeUntil inactiveUntil legalHold documentDate
    dossier { id number } file { id sha256 } archivedBy { id } classification { code }
  }
}`;
export const RECORD = `query($id: ID!) { archiveRecord(id: $id) { id title securityLevel phase ocrStatus pageCount dossier { id } letter { id } } }`;
export const SEARCH = `query($query: String!, $filter: ArchiveFilter, $first: Int, $after: String) {
  searchArchive(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { score highlight record { id title } } }
  }
}`;

/** A classification code of its own (with the given JRA), so that retention tests do not depend on the starter scheme. */
export async function createCode(
  api: TestApi,
  admin: string,
  input: { activeYears: number; inactiveYears: number; finalDisposition: 'DESTROY' | 'PERMANENT' | 'REVIEW'; name?: string },
): Promise<string> {
  const code = `000.5.${Math.floor(Math.random() * 900) + 100}`;
  await api.gqlOk(
    'mutation($input: ClassificationCodeInput!) { upsertClassificationCode(input: $input) { code } }',
    { input: { code, parentCode: '000.5', name: input.name ?? `Uji ${uniqueSuffix()}`, ...input } },
    admin,
  );
  return code;
}

export async function createDossier(api: TestApi, token: string, input: Record<string, unknown>): Promise<any> {
  return (await api.gqlOk<any>(CREATE_DOSSIER, { input: { title: `Berkas ${uniqueSuffix()}`, ...input } }, token)).createDossier;
}

/** Uploads a PDF (unique content) and archives it. */
export async function archivePdf(
  api: TestApi,
  token: string,
  input: Record<string, unknown>,
  text = `Dokumen ${uniqueSuffix()}`,
): Promise<any> {
  const fileId = await uploadPdf(api, token, text);
  return (
    await api.gqlOk<any>(
      ARCHIVE_FILE,
      { input: { fileId, title: text, documentDate: '2026-01-15', securityLevel: 'PUBLIC', classificationCode: '000.1.1', ...input } },
      token,
    )
  ).archiveFile;
}

export { upload };

import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { GraphqlClient } from './graphql';

/** A small real PDF with the given text on its first page. */
export async function makePdf(text = 'Surat dinas', pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${text} (${i + 1})`, { x: 72, y: 760, size: 12, font });
  return Buffer.from(await doc.save());
}

export interface UploadResponse {
  status: number;
  body: { id: string; filename: string; contentType: string; size: number; sha256: string; error?: { code: string; message: string } };
}

/** POST /files with one multipart field `file`. */
export async function upload(
  api: GraphqlClient,
  token: string | null,
  bytes: Buffer,
  filename: string,
  type = 'application/octet-stream',
): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${api.url}/files`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as UploadResponse['body'] };
}

export async function uploadPdf(api: GraphqlClient, token: string, text = 'Surat dinas'): Promise<string> {
  const res = await upload(api, token, await makePdf(text), `${text}.pdf`, 'application/pdf');
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

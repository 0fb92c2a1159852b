import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/**
 * A forger's copy of a signed PDF: an incremental update appended after its signature that replaces what
 * every page shows with `text` and drops the document information (keywords with the verification code
 * included). The original bytes, the signature among them, stay as they were.
 */
export async function replacePagesIncrementally(signed: Buffer, text: string): Promise<Buffer> {
  const doc = await PDFDocument.load(signed, { updateMetadata: false });
  const { context } = doc;
  let next = context.largestObjectNumber + 1;
  const objects: { num: number; body: string }[] = [];
  const add = (body: string, num = next++) => (objects.push({ num, body }), num);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (const page of doc.getPages()) {
    const stream = `BT /F1 14 Tf 72 720 Td (${text.replace(/[\\()]/g, '\\$&')}) Tj ET`;
    const contents = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    const dict = page.node.clone() as PDFDict;
    dict.set(PDFName.of('Contents'), PDFRef.of(contents));
    dict.set(PDFName.of('Resources'), context.obj({ Font: { F1: PDFRef.of(font) } }));
    add(dict.toString(), page.ref.objectNumber);
  }
  const info = add('<< /Producer (Penyunting PDF) >>');

  const source = signed.toString('latin1');
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(source)?.[1];
  if (!previous) throw new Error('The PDF does not end with a cross-reference offset');
  let out = source.endsWith('\n') ? source : `${source}\n`;
  const offsets = new Map<number, number>();
  for (const { num, body } of objects) {
    offsets.set(num, Buffer.byteLength(out, 'latin1'));
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += 'xref\n';
  for (const num of [...offsets.keys()].sort((a, b) => a - b)) {
    out += `${num} 1\n${String(offsets.get(num)).padStart(10, '0')} 00000 n \n`;
  }
  const root = String(context.trailerInfo.Root);
  out += `trailer\n<< /Size ${next} /Root ${root} /Info ${info} 0 R /Prev ${previous} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

import type { DocumentVerificationType } from './document-verification.type';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** '27 November 2026 pukul 14.30 WIB': the signing time as people of the signing office read it. */
function signedAtText(at: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at)} ${ZONE_NAMES[timeZone] ?? timeZone}`;
}

/** The page a phone opens from the QR code: a small, self-contained Indonesian HTML document. */
export function verificationPage(result: DocumentVerificationType, timeZone = 'Asia/Jakarta'): string {
  const rows: [string, string | null][] = result.valid
    ? [
        ['Nomor surat', result.number],
        ['Perihal', result.subject],
        ['Ditandatangani', result.signedAt ? signedAtText(result.signedAt, timeZone) : null],
        ['Penanda tangan', result.signerName],
        ['Jabatan', result.signerPosition],
        ['SHA-256 berkas', result.sha256],
      ]
    : [];
  const table = rows
    .filter(([, value]) => value)
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value as string)}</td></tr>`)
    .join('');
  const verdict = result.valid
    ? '<p class="ok">Dokumen ini sah: ditandatangani secara elektronik melalui Gesit.</p>'
    : '<p class="bad">Dokumen tidak ditemukan. Kode verifikasi ini tidak dikenal, sehingga keaslian dokumen tidak dapat dipastikan.</p>';
  const note = result.valid
    ? '<p class="note">Untuk memastikan berkas PDF yang Anda terima tidak diubah, bandingkan SHA-256 berkas tersebut dengan nilai di atas.</p>'
    : '';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verifikasi Dokumen Gesit</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;color:#1b1b1b;background:#f6f7f9}
main{max-width:36rem;margin:0 auto;background:#fff;padding:1.5rem;border-radius:.5rem}
h1{font-size:1.25rem;margin-top:0}.ok{color:#0a6b2d;font-weight:600}.bad{color:#a4161a;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem;border-top:1px solid #e3e5e8}
th{width:38%;font-weight:500;color:#555}td{word-break:break-all}.note{font-size:.85rem;color:#555}
</style>
</head>
<body>
<main>
<h1>Verifikasi Dokumen Elektronik</h1>
${verdict}
${table ? `<table>${table}</table>` : ''}
${note}
</main>
</body>
</html>
`;
}

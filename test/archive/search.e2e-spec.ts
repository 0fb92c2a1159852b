import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';
import { createAgency } from '../harness/org';
import { archivePdf, createDossier, SEARCH } from './archive-support';

type Agency = Awaited<ReturnType<typeof createAgency>>;

// [what a clerk types, the text of the record it must find]
const PAIRS: [string, string][] = [
  ['musnah', 'Berita acara pemusnahan arsip'],
  ['pemusnahan', 'Arsip yang dimusnahkan tahun lalu'],
  ['dimusnahkan', 'Daftar arsip usul musnah'],
  ['pegawai', 'Data kepegawaian daerah'],
  ['kepegawaian', 'Daftar hadir pegawai negeri'],
  ['nilai', 'Hasil penilaian kinerja'],
  ['dinilai', 'Lembar nilai ujian dinas'],
  ['penilaian', 'Arsip yang dinilai kembali oleh panitia'],
  ['berkas', 'Pemberkasan arsip aktif'],
  ['berkas-berkas', 'Penataan berkas perkara'],
  ['surat-menyurat', 'Tata naskah surat dinas'],
  ['arsip', 'Pengarsipan dokumen elektronik'],
  ['diarsipkan', 'Arsip statis daerah'],
  ['keputusan', 'Memutuskan penetapan pejabat'],
  ['putus', 'Salinan keputusan bupati'],
  ['anggaran', 'Penganggaran belanja modal'],
  ['laporan', 'Melaporkan hasil pengawasan'],
  ['pelatihan', 'Latihan dasar calon pegawai'],
  ['perjalanan', 'Surat perintah jalan dinas'],
  ['bersih', 'Jadwal kebersihan ruang arsip'],
  ['pendidikan', 'Data tenaga kependidikan'],
  ['pembangunan', 'Rencana membangun gedung depo arsip'],
  ['undangan', 'Mengundang para kepala dinas'],
  ['pengadaan', 'Mengadakan barang persediaan kantor'],
  ['000.8.3.3/15/OR', 'Nota dinas nomor 000.8.3.3/15/OR tentang organisasi'],
  ['15/OR', 'Surat nomor 000.8.3.3/15/OR tentang tata laksana'],
  ['pemusnahn', 'Pemusnahan arsip inaktif kecamatan'],
  ['kepegawain', 'Mutasi kepegawaian triwulan'],
  ['Siti Nurhaliza', 'Nota dari Siti Nurhaliza tentang cuti'],
  ['Jose Ramos', 'Surat dari José Ramos Horta'],
  ["Ma'ruf", "Undangan Ma'ruf Amin ke pameran arsip"],
  ['rapat koordinasi', 'Notulen koordinasi rapat pimpinan'],
];

// [a query, a text it must not find: other roots, not just other spellings]
const MISSES: [string, string][] = [
  ['pindah', 'Berita acara pemusnahan arsip'],
  ['pilih', 'Hasil penilaian kinerja'],
  ['gawai', 'Daftar perangkat elektronik kantor'],
];

describe('searching the archive in Indonesian', () => {
  let api: TestApi;
  let org: Agency;
  let dossierId: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi();
    org = await createAgency(api, await adminToken(api));
    dossierId = (await createDossier(api, org.clerk.token, { classificationCode: '000.5' })).id;
    for (const text of new Set([...PAIRS.map(([, t]) => t), ...MISSES.map(([, t]) => t)])) {
      const record = await archivePdf(api, org.clerk.token, { dossierId, classificationCode: '000.5' }, text);
      ids.set(text, record.id);
    }
  });

  afterAll(() => api.close());

  const search = async (query: string, extra: Record<string, unknown> = {}) =>
    (await api.gqlOk<any>(SEARCH, { query, filter: { dossierId }, first: 100, ...extra }, org.clerk.token)).searchArchive;

  it.each(PAIRS)('"%s" finds "%s"', async (query, text) => {
    const found = await search(query);
    const hit = found.edges.find((e: any) => e.node.record.id === ids.get(text));
    expect(hit).toBeDefined();
    expect(hit.node.score).toBeGreaterThan(0);
  });

  it.each(MISSES)('"%s" does not find "%s"', async (query, text) => {
    const found = await search(query);
    expect(found.edges.map((e: any) => e.node.record.id)).not.toContain(ids.get(text));
  });

  it('marks the word forms that matched in the highlight', async () => {
    const found = await search('dimusnahkan');
    const hit = found.edges.find((e: any) => e.node.record.id === ids.get('Berita acara pemusnahan arsip'));
    expect(hit.node.highlight).toContain('<mark>pemusnahan</mark>');
  });

  it('pages through every hit with keyset cursors, best first, without a cap', async () => {
    const all = await search('arsip');
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThanOrEqual(8);
    const scores = all.edges.map((e: any) => e.node.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await search('arsip', { first: 3, after });
      paged.push(...page.edges.map((e: any) => e.node.record.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all.edges.map((e: any) => e.node.record.id));
  });

  it('refuses an empty query and a forged cursor', async () => {
    expect(errorCode(await api.gql(SEARCH, { query: '   ' }, org.clerk.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(SEARCH, { query: 'arsip', after: 'bm90LWEtY3Vyc29y' }, org.clerk.token))).toBe('BAD_USER_INPUT');
  });
});

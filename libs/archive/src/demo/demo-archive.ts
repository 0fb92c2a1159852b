/** The demo organisation's archive: three dossiers, a dozen records, one dossier long past its retention. */
export interface DemoDossier {
  key: string;
  title: string;
  classificationCode: string;
  physicalLocation: string;
  /** Closed this many years ago (and then its JRA has run out), or open. */
  closedYearsAgo: number | null;
}

export interface DemoRecord {
  dossier: string;
  title: string;
  documentDate: string;
  securityLevel: 'PUBLIC' | 'RESTRICTED' | 'CONFIDENTIAL';
  /** The text of its single page; records marked ocr were scans, read by OCR already. */
  text: string[];
  ocr: boolean;
}

export const DEMO_DOSSIERS: DemoDossier[] = [
  {
    key: 'rapat',
    title: 'Undangan dan notulen rapat koordinasi 2026',
    classificationCode: '000.1.3',
    physicalLocation: 'Ruang Arsip 1/Rak 2/Boks 5',
    closedYearsAgo: null,
  },
  {
    key: 'pangkat',
    title: 'Usulan kenaikan pangkat pegawai periode April 2025',
    classificationCode: '800.2',
    physicalLocation: 'Ruang Arsip 1/Rak 4/Boks 1',
    closedYearsAgo: null,
  },
  {
    key: 'lama',
    title: 'Undangan rapat tahun 2021',
    classificationCode: '000.1.3',
    physicalLocation: 'Ruang Arsip Inaktif/Rak 9/Boks 3',
    closedYearsAgo: 4,
  },
];

export const DEMO_RECORDS: DemoRecord[] = [
  {
    dossier: 'rapat',
    title: 'Undangan rapat koordinasi penataan arsip',
    documentDate: '2026-02-03',
    securityLevel: 'PUBLIC',
    ocr: true,
    text: ['UNDANGAN', 'Mengundang Saudara menghadiri rapat koordinasi', 'penataan arsip inaktif di lingkungan Dinas.'],
  },
  {
    dossier: 'rapat',
    title: 'Notulen rapat koordinasi penataan arsip',
    documentDate: '2026-02-10',
    securityLevel: 'PUBLIC',
    ocr: true,
    text: ['NOTULEN RAPAT', 'Disepakati jadwal pemusnahan arsip yang telah dinilai', 'oleh panitia penilai pada bulan Maret.'],
  },
  {
    dossier: 'rapat',
    title: 'Daftar hadir rapat koordinasi',
    documentDate: '2026-02-10',
    securityLevel: 'PUBLIC',
    ocr: false,
    text: ['DAFTAR HADIR', 'Rapat koordinasi penataan arsip, 10 Februari 2026.'],
  },
  {
    dossier: 'rapat',
    title: 'Undangan rapat evaluasi layanan informasi publik',
    documentDate: '2026-03-02',
    securityLevel: 'RESTRICTED',
    ocr: false,
    text: ['UNDANGAN', 'Rapat evaluasi layanan informasi publik triwulan pertama.'],
  },
  {
    dossier: 'pangkat',
    title: 'Usulan kenaikan pangkat reguler',
    documentDate: '2025-02-14',
    securityLevel: 'CONFIDENTIAL',
    ocr: true,
    text: ['USULAN KENAIKAN PANGKAT', 'Dengan hormat diusulkan kenaikan pangkat pegawai', 'atas nama terlampir, periode April 2025.'],
  },
  {
    dossier: 'pangkat',
    title: 'Penilaian prestasi kerja pegawai',
    documentDate: '2025-01-20',
    securityLevel: 'CONFIDENTIAL',
    ocr: true,
    text: ['PENILAIAN PRESTASI KERJA', 'Hasil penilaian kinerja pegawai tahun 2024.'],
  },
  {
    dossier: 'pangkat',
    title: 'Surat keputusan kenaikan pangkat',
    documentDate: '2025-04-01',
    securityLevel: 'RESTRICTED',
    ocr: false,
    text: ['KEPUTUSAN KEPALA BADAN KEPEGAWAIAN DAERAH', 'Nomor 800.2/112/BKD/2025 tentang kenaikan pangkat.'],
  },
  {
    dossier: 'pangkat',
    title: 'Daftar urut kepangkatan',
    documentDate: '2025-03-05',
    securityLevel: 'RESTRICTED',
    ocr: false,
    text: ['DAFTAR URUT KEPANGKATAN', 'Pegawai negeri sipil Dinas Komunikasi dan Informatika.'],
  },
  {
    dossier: 'lama',
    title: 'Undangan rapat persiapan HUT Kabupaten 2021',
    documentDate: '2021-03-15',
    securityLevel: 'PUBLIC',
    ocr: true,
    text: ['UNDANGAN', 'Rapat persiapan peringatan hari jadi kabupaten.'],
  },
  {
    dossier: 'lama',
    title: 'Undangan rapat sosialisasi aplikasi 2021',
    documentDate: '2021-06-09',
    securityLevel: 'PUBLIC',
    ocr: false,
    text: ['UNDANGAN', 'Sosialisasi aplikasi layanan perizinan daring.'],
  },
  {
    dossier: 'lama',
    title: 'Notulen rapat sosialisasi aplikasi 2021',
    documentDate: '2021-06-10',
    securityLevel: 'PUBLIC',
    ocr: false,
    text: ['NOTULEN', 'Sosialisasi aplikasi layanan perizinan daring dihadiri 40 peserta.'],
  },
  {
    dossier: 'lama',
    title: 'Undangan rapat akhir tahun 2021',
    documentDate: '2021-12-01',
    securityLevel: 'PUBLIC',
    ocr: false,
    text: ['UNDANGAN', 'Rapat evaluasi kegiatan akhir tahun anggaran 2021.'],
  },
];

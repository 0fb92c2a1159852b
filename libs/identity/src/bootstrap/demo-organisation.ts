import { Role } from '../users/role';

/** The password of every demo account. Development only: the demo is never seeded in production. */
export const DEMO_PASSWORD = 'Gesit#2026demo';

export interface DemoUnit {
  code: string;
  name: string;
  parentCode?: string;
}

export interface DemoPerson {
  /** Key of the position, referred to by `superior`. */
  key: string;
  title: string;
  unitCode: string;
  superior?: string;
  name: string;
  /** Pangkat/golongan, printed under the signer's name. */
  rank: string;
  nip: string;
  email: string;
  roles: Role[];
}

/** Dinas Komunikasi dan Informatika of a regency in WIB, with a head, a secretary, two heads of division, staff, a clerk and an admin. */
export const DEMO_UNITS: DemoUnit[] = [
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  { code: 'DISKOMINFO-SET', name: 'Sekretariat', parentCode: 'DISKOMINFO' },
  { code: 'DISKOMINFO-IKP', name: 'Bidang Informasi dan Komunikasi Publik', parentCode: 'DISKOMINFO' },
  { code: 'DISKOMINFO-APTIKA', name: 'Bidang Aplikasi Informatika', parentCode: 'DISKOMINFO' },
];

const mail = (local: string) => `${local}@diskominfo.example`;

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'kadis',
    rank: 'Pembina Utama Muda (IV/c)',
    title: 'Kepala Dinas Komunikasi dan Informatika',
    unitCode: 'DISKOMINFO',
    name: 'Dr. Hendra Wijaya, S.Kom., M.T.',
    nip: '197203151998031004',
    email: mail('hendra.wijaya'),
    roles: [Role.LEADER],
  },
  {
    key: 'sekretaris',
    rank: 'Pembina Tingkat I (IV/b)',
    title: 'Sekretaris',
    unitCode: 'DISKOMINFO-SET',
    superior: 'kadis',
    name: 'Sri Wahyuni, S.E., M.M.',
    nip: '197608222000122001',
    email: mail('sri.wahyuni'),
    roles: [Role.LEADER],
  },
  {
    key: 'kabid-ikp',
    rank: 'Pembina (IV/a)',
    title: 'Kepala Bidang Informasi dan Komunikasi Publik',
    unitCode: 'DISKOMINFO-IKP',
    superior: 'kadis',
    name: 'Agus Setiawan, S.Sos., M.Si.',
    nip: '197911052005011003',
    email: mail('agus.setiawan'),
    roles: [Role.LEADER],
  },
  {
    key: 'kabid-aptika',
    rank: 'Pembina (IV/a)',
    title: 'Kepala Bidang Aplikasi Informatika',
    unitCode: 'DISKOMINFO-APTIKA',
    superior: 'kadis',
    name: 'Dewi Lestari, S.T., M.Kom.',
    nip: '198204172006042002',
    email: mail('dewi.lestari'),
    roles: [Role.LEADER],
  },
  {
    key: 'analis-kepegawaian',
    rank: 'Penata Muda Tingkat I (III/b)',
    title: 'Analis Kepegawaian',
    unitCode: 'DISKOMINFO-SET',
    superior: 'sekretaris',
    name: 'Fajar Nugroho, S.AP.',
    nip: '199409302020121005',
    email: mail('fajar.nugroho'),
    roles: [Role.STAFF],
  },
  {
    key: 'pranata-humas',
    rank: 'Penata Muda (III/a)',
    title: 'Pranata Hubungan Masyarakat Ahli Pertama',
    unitCode: 'DISKOMINFO-IKP',
    superior: 'kabid-ikp',
    name: 'Rina Marlina, S.I.Kom.',
    nip: '199303112019032011',
    email: mail('rina.marlina'),
    roles: [Role.STAFF],
  },
  {
    key: 'pranata-komputer',
    rank: 'Penata Muda Tingkat I (III/b)',
    title: 'Pranata Komputer Ahli Pertama',
    unitCode: 'DISKOMINFO-APTIKA',
    superior: 'kabid-aptika',
    name: 'Budi Santoso, S.Kom.',
    nip: '199107252018011001',
    email: mail('budi.santoso'),
    roles: [Role.STAFF],
  },
  {
    key: 'tata-usaha',
    rank: 'Pengatur (II/c)',
    title: 'Pengadministrasi Umum (Tata Usaha)',
    unitCode: 'DISKOMINFO-SET',
    superior: 'sekretaris',
    name: 'Siti Aminah, A.Md.',
    nip: '198812062010012014',
    email: mail('siti.aminah'),
    roles: [Role.CLERK],
  },
  {
    key: 'admin',
    rank: 'Penata (III/c)',
    title: 'Pranata Komputer Ahli Muda (Administrator Sistem)',
    unitCode: 'DISKOMINFO-SET',
    superior: 'sekretaris',
    name: 'Andi Pratama, S.Kom.',
    nip: '199005142015031002',
    email: mail('andi.pratama'),
    roles: [Role.ADMIN],
  },
];

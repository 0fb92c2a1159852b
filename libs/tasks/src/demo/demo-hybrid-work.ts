import { addDays, isoWeekday } from '../shared/local-days';

/** The demo people hybrid work is seeded for (keys of identity's DEMO_PEOPLE), with their superior. */
export const DEMO_TEAMS: { staff: string; superior: string }[] = [
  { staff: 'pranata-humas', superior: 'kabid-ikp' },
  { staff: 'pranata-komputer', superior: 'kabid-aptika' },
  { staff: 'analis-kepegawaian', superior: 'sekretaris' },
];

export const DEMO_TARGETS: Record<string, { title: string; indicator: string; targetQuantity: number; unitOfMeasure: string }[]> = {
  'pranata-humas': [
    {
      title: 'Publikasi kegiatan pemerintah daerah',
      indicator: '120 berita kegiatan terbit di situs resmi',
      targetQuantity: 120,
      unitOfMeasure: 'berita',
    },
    { title: 'Pengelolaan media sosial dinas', indicator: '240 unggahan informasi publik', targetQuantity: 240, unitOfMeasure: 'unggahan' },
  ],
  'pranata-komputer': [
    {
      title: 'Pemeliharaan aplikasi layanan publik',
      indicator: '12 laporan pemeliharaan bulanan',
      targetQuantity: 12,
      unitOfMeasure: 'laporan',
    },
    { title: 'Evaluasi SPBE perangkat daerah', indicator: '4 laporan evaluasi SPBE', targetQuantity: 4, unitOfMeasure: 'laporan' },
  ],
  'analis-kepegawaian': [
    { title: 'Pengelolaan data kepegawaian', indicator: '12 rekap data kepegawaian bulanan', targetQuantity: 12, unitOfMeasure: 'rekap' },
  ],
};

export interface DemoTask {
  staff: string;
  /** Who gave it: the superior, or the staff member themselves. */
  byStaff: boolean;
  title: string;
  status: 'TODO' | 'IN_PROGRESS' | 'IN_REVIEW' | 'DONE';
  dueInDays: number;
  estimateMinutes: number;
  checklist: [string, boolean][];
  target: number | null;
  recurrence?: string;
}

export const DEMO_TASKS: DemoTask[] = [
  {
    staff: 'pranata-humas',
    byStaff: false,
    title: 'Liputan rapat koordinasi pimpinan daerah',
    status: 'IN_PROGRESS',
    dueInDays: 1,
    estimateMinutes: 240,
    checklist: [
      ['Hadiri dan dokumentasikan rapat', true],
      ['Tulis berita', false],
      ['Minta persetujuan kepala bidang', false],
    ],
    target: 0,
  },
  {
    staff: 'pranata-humas',
    byStaff: false,
    title: 'Rekap aduan masyarakat di media sosial',
    status: 'TODO',
    dueInDays: 4,
    estimateMinutes: 180,
    checklist: [],
    target: 1,
    recurrence: 'FREQ=WEEKLY;BYDAY=FR',
  },
  {
    staff: 'pranata-komputer',
    byStaff: false,
    title: 'Pembaruan sertifikat TLS aplikasi layanan',
    status: 'IN_REVIEW',
    dueInDays: 2,
    estimateMinutes: 120,
    checklist: [
      ['Ajukan sertifikat baru', true],
      ['Pasang di server', true],
      ['Uji akses', true],
    ],
    target: 0,
  },
  {
    staff: 'pranata-komputer',
    byStaff: true,
    title: 'Menyusun laporan evaluasi SPBE triwulan IV',
    status: 'IN_PROGRESS',
    dueInDays: 10,
    estimateMinutes: 900,
    checklist: [],
    target: 1,
  },
  {
    staff: 'analis-kepegawaian',
    byStaff: false,
    title: 'Rekap kehadiran pegawai bulan ini',
    status: 'DONE',
    dueInDays: -1,
    estimateMinutes: 150,
    checklist: [
      ['Unduh data presensi', true],
      ['Susun rekap', true],
    ],
    target: 0,
  },
];

const ACTIVITIES = [
  'Rapat koordinasi internal bidang',
  'Menyusun bahan dan dokumen pendukung kegiatan',
  'Menindaklanjuti disposisi pimpinan',
  'Memperbarui data dan laporan pada aplikasi',
];

export interface DemoReport {
  date: string;
  workMode: 'OFFICE' | 'HOME';
  status: 'APPROVED' | 'SUBMITTED';
  entries: { startTime: string; endTime: string; minutes: number; activity: string; outputQuantity: number | null }[];
}

/**
 * A week of reports for one person: the five working days (Monday to Friday) before `today`, the oldest
 * approved, the last two waiting for review; Fridays from home for whoever has that arrangement.
 */
export function demoReports(today: string, homeOnFriday: boolean): DemoReport[] {
  const days: string[] = [];
  for (let day = addDays(today, -1); days.length < 5; day = addDays(day, -1)) if (isoWeekday(day) <= 5) days.unshift(day);
  return days.map((date, i) => ({
    date,
    workMode: homeOnFriday && isoWeekday(date) === 5 ? 'HOME' : 'OFFICE',
    status: i < 3 ? 'APPROVED' : 'SUBMITTED',
    entries: [
      { startTime: '07:30', endTime: '10:00', minutes: 150, activity: ACTIVITIES[i % ACTIVITIES.length], outputQuantity: 1 },
      { startTime: '10:00', endTime: '12:00', minutes: 120, activity: ACTIVITIES[(i + 1) % ACTIVITIES.length], outputQuantity: null },
      { startTime: '13:00', endTime: '16:00', minutes: 180, activity: ACTIVITIES[(i + 2) % ACTIVITIES.length], outputQuantity: null },
    ],
  }));
}

import { registerEnumType } from '@nestjs/graphql';
import { badInput } from '@gesit/platform';

/** How a notification reaches its person; the channel adapters say which one they are. */
export enum NotificationChannelKind {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  WHATSAPP = 'WHATSAPP',
}

registerEnumType(NotificationChannelKind, {
  name: 'NotificationChannel',
  valuesMap: {
    IN_APP: {
      description:
        'pushed live and counted unread in Gesit; always on for work that must be done. Without it a notification is still kept in the list, already read.',
    },
    EMAIL: { description: 'e-mail to the address of the account' },
    WHATSAPP: { description: 'a WhatsApp message to the phone number set with setMyPhone' },
  },
});

export interface NotificationKindInfo {
  kind: string;
  /** In Indonesian, for people choosing their channels. */
  meaning: string;
  /** Work the person must do: it is always shown in Gesit, whatever else they choose. */
  work: boolean;
  /** Which deliveries go first when many wait: see DeliveryLane. */
  lane: DeliveryLane;
}

/**
 * `interactive`: one person's act that another waits on (a disposition received, a draft returned); `bulk`: what a
 * schedule sends to many at once (reminders, due-soon and overdue sweeps, the morning digest), which may wait a while.
 */
export type DeliveryLane = 'interactive' | 'bulk';

/** Every kind of notification Gesit sends, in the order a settings page lists them. */
export const NOTIFICATION_KINDS: readonly NotificationKindInfo[] = [
  {
    kind: 'disposition.received',
    meaning: 'Disposisi baru untuk Anda, dengan instruksi dan batas waktunya',
    work: true,
    lane: 'interactive',
  },
  { kind: 'assignment.withdrawn', meaning: 'Disposisi kepada Anda ditarik kembali', work: false, lane: 'interactive' },
  { kind: 'assignment.due-soon', meaning: 'Disposisi Anda segera jatuh tempo', work: true, lane: 'bulk' },
  { kind: 'assignment.overdue', meaning: 'Disposisi Anda melewati batas waktu', work: true, lane: 'bulk' },
  { kind: 'assignment.escalated', meaning: 'Disposisi di bawah Anda terlambat (eskalasi)', work: true, lane: 'bulk' },
  { kind: 'approval.waiting', meaning: 'Konsep surat menunggu paraf atau tanda tangan Anda', work: true, lane: 'interactive' },
  { kind: 'approval.due-soon', meaning: 'Paraf atau tanda tangan Anda segera jatuh tempo', work: true, lane: 'bulk' },
  { kind: 'approval.overdue', meaning: 'Paraf atau tanda tangan Anda melewati batas waktu', work: true, lane: 'bulk' },
  { kind: 'approval.escalated', meaning: 'Persetujuan di bawah Anda terlambat (eskalasi)', work: true, lane: 'bulk' },
  {
    kind: 'approval.returned',
    meaning: 'Konsep surat Anda dikembalikan untuk diperbaiki, dengan catatannya',
    work: true,
    lane: 'interactive',
  },
  { kind: 'approval.rejected', meaning: 'Konsep surat Anda ditolak, dengan alasannya', work: false, lane: 'interactive' },
  { kind: 'letter.signed', meaning: 'Surat ditandatangani: kepada penyusunnya dan penerima di Gesit', work: false, lane: 'interactive' },
  { kind: 'delegation.created', meaning: 'Penunjukan Plh/Plt: kepada pejabat dan yang ditunjuk', work: false, lane: 'interactive' },
  {
    kind: 'archive.import.finished',
    meaning: 'Impor arsip yang Anda mulai selesai atau gagal, dengan jumlah arsip yang diimpor, dilewati dan gagal',
    work: false,
    lane: 'interactive',
  },
  { kind: 'task.assigned', meaning: 'Tugas baru untuk Anda dari atasan', work: true, lane: 'interactive' },
  { kind: 'task.due-soon', meaning: 'Tugas Anda segera jatuh tempo', work: true, lane: 'bulk' },
  { kind: 'task.overdue', meaning: 'Tugas Anda melewati tenggat', work: true, lane: 'bulk' },
  { kind: 'task.escalated', meaning: 'Tugas di bawah Anda terlambat (eskalasi)', work: true, lane: 'bulk' },
  {
    kind: 'daily-report.missing',
    meaning: 'Laporan kinerja harian Anda belum diisi (pukul 15.30 pada hari kerja)',
    work: true,
    lane: 'bulk',
  },
  { kind: 'daily-report.submitted', meaning: 'Laporan kinerja harian bawahan menunggu pemeriksaan Anda', work: true, lane: 'interactive' },
  {
    kind: 'daily-report.review-overdue',
    meaning: 'Laporan kinerja harian menunggu pemeriksaan Anda lebih dari dua hari kerja',
    work: true,
    lane: 'bulk',
  },
  {
    kind: 'daily-report.reviewed',
    meaning: 'Laporan kinerja harian Anda disetujui atau dikembalikan, dengan catatannya',
    work: false,
    lane: 'interactive',
  },
  {
    kind: 'work-arrangement.requested',
    meaning: 'Pengajuan fleksibilitas kerja bawahan menunggu keputusan Anda',
    work: true,
    lane: 'interactive',
  },
  {
    kind: 'work-arrangement.decided',
    meaning: 'Pengajuan fleksibilitas kerja Anda disetujui atau ditolak',
    work: false,
    lane: 'interactive',
  },
  { kind: 'digest.daily', meaning: 'Ringkasan harian pimpinan, pukul 07.00 pada hari kerja', work: false, lane: 'bulk' },
  {
    kind: 'ACCOUNT_LOCKED',
    meaning: 'Akun Anda dikunci sementara karena kata sandi salah berulang kali',
    work: false,
    lane: 'interactive',
  },
];

/** A kind unknown to the catalogue (older rows) goes as interactive, as every delivery did before there were lanes. */
export function deliveryLane(kind: string): DeliveryLane {
  return byKind.get(kind)?.lane ?? 'interactive';
}

/** The BullMQ priority of bulk deliveries: BullMQ takes every job without a priority before any job with one. */
export const BULK_DELIVERY_PRIORITY = 10;

/** None for interactive kinds, so that a disposition does not wait behind a wave of reminders already queued. */
export function deliveryPriority(kind: string): number | undefined {
  return deliveryLane(kind) === 'bulk' ? BULK_DELIVERY_PRIORITY : undefined;
}

/** The kinds delivered in the bulk lane, for SQL that queues deliveries itself (the repair sweep). */
export const BULK_KINDS: readonly string[] = NOTIFICATION_KINDS.filter((k) => k.lane === 'bulk').map((k) => k.kind);

/** The kinds and their meaning, for the schema's descriptions. */
export const KINDS_DESCRIPTION = NOTIFICATION_KINDS.map((k) => `${k.kind}: ${k.meaning}`).join('; ');

/** Where a kind goes when its person has chosen nothing: in Gesit and by e-mail; WhatsApp only when asked for. */
export const DEFAULT_CHANNELS: readonly NotificationChannelKind[] = [NotificationChannelKind.IN_APP, NotificationChannelKind.EMAIL];

const ORDER = Object.values(NotificationChannelKind);
const byKind = new Map(NOTIFICATION_KINDS.map((k) => [k.kind, k]));

function tidy(kind: string, channels: readonly NotificationChannelKind[]): NotificationChannelKind[] {
  const chosen = new Set(channels);
  if (byKind.get(kind)?.work) chosen.add(NotificationChannelKind.IN_APP);
  return ORDER.filter((c) => chosen.has(c));
}

/** The channels a kind reaches its person on: their choice, else the default; in Gesit always for work to do. */
export function effectiveChannels(kind: string, chosen: readonly string[] | null): NotificationChannelKind[] {
  return tidy(
    kind,
    (chosen ?? DEFAULT_CHANNELS).filter((c): c is NotificationChannelKind => ORDER.includes(c as NotificationChannelKind)),
  );
}

/** A choice as it will be stored; an unknown kind is the client's mistake. */
export function checkPreference(kind: string, channels: readonly NotificationChannelKind[]): NotificationChannelKind[] {
  if (!byKind.has(kind)) {
    throw badInput(
      {
        id: `Jenis notifikasi "${kind}" tidak dikenal. Pilih salah satu dari: ${NOTIFICATION_KINDS.map((k) => k.kind).join(', ')}.`,
        en: `Notification kind "${kind}" is not known. Choose one of: ${NOTIFICATION_KINDS.map((k) => k.kind).join(', ')}.`,
      },
      {
        field: 'kind',
      },
    );
  }
  return tidy(kind, channels);
}

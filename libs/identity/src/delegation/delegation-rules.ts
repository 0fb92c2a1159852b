import { badInput, forbidden } from '@gesit/platform';
import { DelegationKind } from './delegation-kind';

export const REASON_MAX_LENGTH = 500;

export interface DelegationWindow {
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
}

/** Active from startsAt up to, not including, endsAt, unless revoked. */
export function isActiveAt(delegation: DelegationWindow, at: Date): boolean {
  return delegation.revokedAt === null && delegation.startsAt <= at && at < delegation.endsAt;
}

/** Checks the window of a new delegation; it may have begun already, but not ended. */
export function checkWindow(startsAt: Date, endsAt: Date, now: Date): void {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
    throw badInput(
      { id: 'startsAt dan endsAt harus berupa waktu yang sah.', en: 'startsAt and endsAt must be valid times.' },
      { field: Number.isNaN(startsAt.getTime()) ? 'startsAt' : 'endsAt' },
    );
  if (endsAt <= startsAt)
    throw badInput({ id: 'endsAt harus lebih lambat daripada startsAt.', en: 'endsAt must be later than startsAt.' }, { field: 'endsAt' });
  if (endsAt <= now)
    throw badInput(
      {
        id: 'Rentang waktu ini sudah lewat; pelimpahan harus berakhir pada waktu yang akan datang.',
        en: 'This window has already ended; a delegation must end in the future.',
      },
      { field: 'endsAt' },
    );
}

export function normaliseReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length > REASON_MAX_LENGTH)
    throw badInput(
      {
        id: `Alasan terlalu panjang: paling banyak ${REASON_MAX_LENGTH} karakter.`,
        en: `The reason is too long: at most ${REASON_MAX_LENGTH} characters.`,
      },
      { field: 'reason' },
    );
  return trimmed || null;
}

export interface Appointment {
  callerId: string;
  callerIsAdmin: boolean;
  officialId: string;
  appointeeId: string;
  kind: DelegationKind;
  /** Holders of the positions above the official's, nearest first (empty at the top or when every post above is vacant). */
  officialSuperiors: readonly string[];
}

/**
 * Who may appoint a Plh/Plt: the official, or a superior in their chain of command. An ADMIN who is
 * neither may only appoint a Plt where nobody in the chain can: the official has no position or no
 * superior holds a post above theirs. Nobody appoints themselves.
 */
export function checkAppointer(a: Appointment): void {
  if (a.appointeeId === a.callerId)
    throw forbidden({
      id: 'Anda tidak dapat menunjuk diri sendiri sebagai Plh atau Plt.',
      en: 'You cannot appoint yourself as Plh or Plt.',
    });
  if (a.officialId === a.callerId || a.officialSuperiors.includes(a.callerId)) return;
  if (!a.callerIsAdmin)
    throw forbidden({
      id: 'Plh atau Plt hanya dapat ditunjuk oleh pejabat yang bersangkutan atau atasannya.',
      en: 'A Plh or Plt can be appointed only by the official concerned or their superior.',
    });
  if (a.kind !== DelegationKind.PLT) {
    throw forbidden({
      id: 'Administrator hanya dapat menunjuk Plt untuk jabatan kosong; Plh ditunjuk oleh pejabat itu sendiri atau atasannya.',
      en: 'An administrator can appoint only a Plt for a vacant position; a Plh is appointed by the official or their superior.',
    });
  }
  if (a.officialSuperiors.length) {
    throw forbidden({
      id: 'Pejabat ini mempunyai atasan: Plt-nya ditunjuk oleh atasan tersebut, bukan oleh administrator.',
      en: 'This official has a superior: their Plt is appointed by that superior, not by an administrator.',
    });
  }
}

/** What a notice about a delegation names: people by name, times in each recipient's zone. */
export interface DelegationNotice {
  id: string;
  kind: 'PLH' | 'PLT';
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
  official: { id: string; name: string; timeZone: string | null };
  appointee: { id: string; name: string; timeZone: string | null };
  createdBy: { id: string; name: string };
}

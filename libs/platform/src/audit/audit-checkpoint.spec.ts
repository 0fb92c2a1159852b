import { checkpointKey, checkpointMismatch, parseCheckpoint, signCheckpoint, truncationText } from './audit-checkpoint';

const KEY = 'kunci-audit-untuk-uji-00000000000000';
const checkpoint = { seq: 3, lastEventId: '120', headHash: 'a'.repeat(64), eventCount: 118, at: '2026-11-30T10:00:00.000Z' };

describe('audit checkpoints', () => {
  it('are stored under a key that sorts by their number', () => {
    expect(checkpointKey(3)).toBe('audit-checkpoints/000000000003.json');
    expect(checkpointKey(10) > checkpointKey(9)).toBe(true);
  });

  it('read back only with the key they were signed with, and under their own number', () => {
    const text = JSON.stringify(signCheckpoint(KEY, checkpoint));
    expect(parseCheckpoint(KEY, 3, text)).toMatchObject(checkpoint);
    expect(parseCheckpoint('another-key-another-key-another-key', 3, text)).toBeNull();
    expect(parseCheckpoint(KEY, 4, text)).toBeNull();
    expect(parseCheckpoint(KEY, 3, 'not json')).toBeNull();
  });

  it('refuse a checkpoint whose content was changed after signing', () => {
    const signed = signCheckpoint(KEY, checkpoint);
    expect(parseCheckpoint(KEY, 3, JSON.stringify({ ...signed, headHash: 'b'.repeat(64) }))).toBeNull();
    expect(parseCheckpoint(KEY, 3, JSON.stringify({ ...signed, eventCount: 117 }))).toBeNull();
  });

  it('say where the chain no longer matches', () => {
    expect(checkpointMismatch(checkpoint, { id: '120', hash: 'a'.repeat(64), count: 118 }, '100')).toBeNull();
    expect(checkpointMismatch(checkpoint, { id: '120', hash: 'c'.repeat(64), count: 118 }, '100')).toMatch(
      /titik periksa #3 .*setelah peristiwa 100 sampai 120/,
    );
    expect(checkpointMismatch(checkpoint, { id: '120', hash: 'a'.repeat(64), count: 117 }, null)).toMatch(
      /sejak awal .*tercatat 118 peristiwa, kini 117/,
    );
    expect(checkpointMismatch(checkpoint, null, '100')).toMatch(/Peristiwa 120 .* tidak ada lagi/);
    expect(truncationText(checkpoint, '115', 113)).toMatch(
      /mencatat 118 peristiwa sampai 120, basis data kini hanya berisi 113 peristiwa sampai 115/,
    );
  });
});

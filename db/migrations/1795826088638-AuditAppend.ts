import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends an audit event in one statement: the chain lock, the head, the next id and the insert. Writers
 * hold the lock until they commit, so the fewer round trips they make while holding it, the more of them
 * commit per second. The hash is auditHash() of libs/platform/src/audit/audit-hash.ts: the caller passes
 * the canonical event up to its id (auditCanonicalHead), the function appends the id it draws.
 */
export class AuditAppend1795826088638 implements MigrationInterface {
  name = 'AuditAppend1795826088638';

  async up(queryRunner: QueryRunner): Promise<void> {
    // VOLATILE (the default): under READ COMMITTED each statement inside takes a fresh snapshot, so the head
    // is read after the lock is granted and sees the event its previous holder committed.
    await queryRunner.query(`CREATE FUNCTION audit_append(
        p_at timestamptz, p_actor_id uuid, p_acting_for_id uuid, p_action text, p_entity_type text, p_entity_id text,
        p_change jsonb, p_canonical_head text)
      RETURNS TABLE (id bigint, prev_hash text, hash text) LANGUAGE plpgsql AS $$
      DECLARE
        v_prev text;
        v_id bigint;
        v_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(724101);
        SELECT e.hash INTO v_prev FROM audit_event e ORDER BY e.id DESC LIMIT 1;
        v_id := nextval(pg_get_serial_sequence('audit_event', 'id'));
        v_hash := encode(sha256(convert_to(coalesce(v_prev, '') || E'\\n' || p_canonical_head || v_id || '"}', 'UTF8')), 'hex');
        INSERT INTO audit_event (id, at, actor_id, acting_for_id, action, entity_type, entity_id, change, prev_hash, hash)
          VALUES (v_id, p_at, p_actor_id, p_acting_for_id, p_action, p_entity_type, p_entity_id, p_change, v_prev, v_hash);
        RETURN QUERY SELECT v_id, v_prev, v_hash;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_append(timestamptz, uuid, uuid, text, text, text, jsonb, text)');
  }
}

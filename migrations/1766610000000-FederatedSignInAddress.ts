import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-ins through an institution are bounded per network address (OIDC_START_ADDRESS_LIMIT):
 * a pending sign-in keeps the fingerprint of the address that started it (never the address),
 * gone with the row when the sign-in finishes or after ten minutes.
 */
export class FederatedSignInAddress1766610000000 implements MigrationInterface {
  name = 'FederatedSignInAddress1766610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE federated_sign_in ADD COLUMN address_hash text NOT NULL DEFAULT ''`);
    await q.query(
      `CREATE INDEX federated_sign_in_address_idx ON federated_sign_in (address_hash, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX federated_sign_in_address_idx`);
    await q.query(`ALTER TABLE federated_sign_in DROP COLUMN address_hash`);
  }
}

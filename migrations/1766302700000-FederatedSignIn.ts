import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through OpenID Connect federations (SURFconext, Entree Federatie, eduID).
 *
 * - `federated_identity` (auth): an account is found by the issuer's persistent `sub`, one per
 *   issuer, never by e-mail; an account may hold one identity per issuer.
 * - `federated_sign_in` (auth): a sign-in under way, from the button to the issuer's answer:
 *   the fingerprint of its `state`, its nonce and PKCE verifier, and the fingerprint of the
 *   browser that started it. Used once (deleted on the answer), gone after ten minutes.
 * - `web_session.federation_issuer`, `id_token`: a session started through an issuer keeps its
 *   ID token until it ends, only to name it to the issuer's logout (id_token_hint).
 * - `organisation_domain` (organisations): the domains of an organisation's home organisation
 *   claim (`schac_home_organization`), each domain of one organisation at most.
 */
export class FederatedSignIn1766302700000 implements MigrationInterface {
  name = 'FederatedSignIn1766302700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE federated_identity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_used_at timestamptz,
        CONSTRAINT federated_identity_subject_key UNIQUE (issuer, subject),
        CONSTRAINT federated_identity_one_per_issuer UNIQUE (user_id, issuer)
      )`);
    await q.query(`
      CREATE TABLE federated_sign_in (
        state_hash text PRIMARY KEY,
        issuer text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        browser_hash text NOT NULL,
        link_user_id uuid REFERENCES app_user (id) ON DELETE CASCADE,
        back text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX federated_sign_in_expiry_idx ON federated_sign_in (expires_at)`);
    await q.query(
      `ALTER TABLE web_session ADD COLUMN federation_issuer text, ADD COLUMN id_token text`,
    );
    await q.query(`
      CREATE TABLE organisation_domain (
        domain text PRIMARY KEY CHECK (domain = lower(domain)),
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX organisation_domain_organisation_idx ON organisation_domain (organisation_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisation_domain, federated_sign_in, federated_identity`);
    await q.query(`ALTER TABLE web_session DROP COLUMN federation_issuer, DROP COLUMN id_token`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

interface Account {
  id: string;
  email: string;
  email_key: string;
  active: boolean;
}

/**
 * Account e-mail addresses are now stored with Unicode compatibility forms folded (NFKC) and
 * found by that in lower case (libs/auth/src/email-address.ts), so a fullwidth "ｊａｎ@school.nl"
 * is the account of jan@school.nl. Accounts made before keep their address as it was typed: this
 * folds each one the same way (written out here, as it is today, so the migration never changes).
 *
 * A look-alike of another account's address (the two fold to the same key) cannot become that
 * account: the one that already has the key keeps it (or, of look-alikes only, the oldest
 * takes it), and each other is deactivated as an admin's deactivation does (every session,
 * access token, API token and open link ends), its address left as it was, and recorded in the
 * audit trail. An admin can give it an address of its own and activate it again.
 */
export class AccountEmailsNormalised1765929600000 implements MigrationInterface {
  name = 'AccountEmailsNormalised1765929600000';

  async up(q: QueryRunner): Promise<void> {
    const accounts: Account[] = await q.query(
      `SELECT id, email, email_key, active FROM app_user ORDER BY created_at, id FOR UPDATE`,
    );
    const fold = (address: string) => address.normalize('NFKC').trim();
    const taken = new Set(
      accounts
        .filter((account) => fold(account.email).toLowerCase() === account.email_key)
        .map((account) => account.email_key),
    );
    for (const account of accounts) {
      const email = fold(account.email);
      const key = email.toLowerCase();
      if (key === account.email_key) {
        if (email !== account.email)
          await q.query(`UPDATE app_user SET email = $2 WHERE id = $1`, [account.id, email]);
        continue;
      }
      if (!taken.has(key)) {
        taken.add(key);
        await q.query(`UPDATE app_user SET email = $2, email_key = $3 WHERE id = $1`, [
          account.id,
          email,
          key,
        ]);
        continue;
      }
      await this.deactivateLookAlike(q, account, key);
    }
  }

  private async deactivateLookAlike(q: QueryRunner, account: Account, key: string): Promise<void> {
    await q.query(
      `UPDATE app_user SET active = false, token_version = token_version + 1 WHERE id = $1`,
      [account.id],
    );
    await q.query(
      `UPDATE api_token SET revoked_at = clock_timestamp() WHERE user_id = $1 AND revoked_at IS NULL`,
      [account.id],
    );
    await q.query(`DELETE FROM web_session WHERE user_id = $1`, [account.id]);
    await q.query(
      `UPDATE password_link SET replaced_at = clock_timestamp()
       WHERE user_id = $1 AND used_at IS NULL AND replaced_at IS NULL`,
      [account.id],
    );
    await q.query(
      `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, summary)
       VALUES (NULL, $2, 'account', $1, $3)`,
      [
        account.id,
        account.active ? 'deactivated' : 'updated',
        `${account.email}: a look-alike of the address of another account (${key}); deactivated`,
      ],
    );
  }

  async down(): Promise<void> {
    // The addresses as first typed are not kept; folded addresses stay, and so do deactivations.
  }
}

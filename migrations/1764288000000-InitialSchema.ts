import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry core: vocabularies, organisations, PPS, accounts, assets and their versions.
 * Codes from controlled vocabularies are plain text (arrays cannot carry foreign keys); the
 * services validate them against `taxonomy_term` on every write.
 */
export class InitialSchema1764288000000 implements MigrationInterface {
  name = 'InitialSchema1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE taxonomy_term (
        vocabulary text NOT NULL,
        code text NOT NULL,
        label text NOT NULL,
        label_en text,
        attributes jsonb NOT NULL DEFAULT '{}',
        position integer NOT NULL,
        PRIMARY KEY (vocabulary, code)
      )`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key text NOT NULL UNIQUE,
        short_name text,
        type text NOT NULL,
        kvk_number char(8) UNIQUE CHECK (kvk_number ~ '^[0-9]{8}$'),
        brin_code char(4) CHECK (brin_code ~ '^[0-9]{2}[A-Z0-9]{2}$'),
        website text,
        addresses jsonb NOT NULL DEFAULT '[]',
        source text NOT NULL DEFAULT 'user',
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE organisation_alias (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        alias text NOT NULL,
        alias_key text NOT NULL UNIQUE,
        PRIMARY KEY (organisation_id, alias_key)
      )`);

    await q.query(`
      CREATE TABLE pps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key text NOT NULL UNIQUE,
        lead_organisation_id uuid NOT NULL REFERENCES organisation(id),
        provinces text[] NOT NULL CHECK (cardinality(provinces) >= 1),
        configurations text[] NOT NULL DEFAULT '{}',
        building_blocks text[] NOT NULL DEFAULT '{}',
        provincial_themes text[] NOT NULL DEFAULT '{}',
        societal_challenges text[] NOT NULL DEFAULT '{}',
        focus text,
        growth_phase smallint CHECK (growth_phase BETWEEN 1 AND 5),
        wave smallint CHECK (wave BETWEEN 1 AND 4),
        coordination_position smallint CHECK (coordination_position BETWEEN 1 AND 4),
        sustainment_model text,
        funding_scheme text,
        funding_start date,
        funding_end date,
        status text NOT NULL DEFAULT 'active',
        purpose text,
        impact jsonb NOT NULL DEFAULT '{}',
        website text,
        source text NOT NULL DEFAULT 'user',
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (funding_end IS NULL OR funding_start IS NULL OR funding_end >= funding_start)
      )`);
    await q.query(`CREATE INDEX pps_lead_idx ON pps (lead_organisation_id)`);
    await q.query(`CREATE INDEX pps_provinces_idx ON pps USING gin (provinces)`);
    await q.query(`
      CREATE TABLE pps_partner (
        pps_id uuid NOT NULL REFERENCES pps(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        tier text NOT NULL CHECK (tier IN ('core', 'other')),
        role text NOT NULL,
        contribution text,
        PRIMARY KEY (pps_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX pps_partner_org_idx ON pps_partner (organisation_id)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        email_key text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text,
        role text NOT NULL CHECK (role IN ('admin', 'pps-editor', 'llo-office', 'teacher')),
        organisation_id uuid REFERENCES organisation(id),
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE pps_membership (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        pps_id uuid NOT NULL REFERENCES pps(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, pps_id)
      )`);
    await q.query(`CREATE INDEX pps_membership_pps_idx ON pps_membership (pps_id)`);
    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        token_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_token_user_idx ON api_token (user_id)`);

    await q.query(`
      CREATE TABLE asset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pps_id uuid NOT NULL REFERENCES pps(id),
        kind text NOT NULL CHECK (kind IN ('curriculum', 'module', 'infrastructure', 'practice')),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        latest_version integer NOT NULL DEFAULT 1,
        published_version integer,
        successor_id uuid REFERENCES asset(id),
        source text NOT NULL DEFAULT 'user',
        demo_key text UNIQUE,
        created_by uuid REFERENCES app_user(id),
        row_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        first_published_at timestamptz,
        archived_at timestamptz,
        CHECK (status = 'draft' OR published_version IS NOT NULL),
        CHECK (successor_id IS NULL OR status = 'archived'),
        CHECK (successor_id IS NULL OR successor_id <> id)
      )`);
    await q.query(`CREATE INDEX asset_pps_idx ON asset (pps_id)`);
    await q.query(`CREATE INDEX asset_kind_status_idx ON asset (kind, status)`);
    await q.query(`CREATE INDEX asset_updated_idx ON asset (updated_at DESC, id)`);

    await q.query(`
      CREATE TABLE asset_version (
        asset_id uuid NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        state text NOT NULL CHECK (state IN ('draft', 'published')),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        summary text NOT NULL,
        description text,
        keywords text[] NOT NULL DEFAULT '{}',
        language text NOT NULL,
        sectors text[] NOT NULL DEFAULT '{}',
        levels text[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        challenges text[] NOT NULL DEFAULT '{}',
        license text NOT NULL,
        contacts jsonb NOT NULL DEFAULT '[]',
        links jsonb NOT NULL DEFAULT '[]',

        crebo_codes text[] NOT NULL DEFAULT '{}' CHECK (array_to_string(crebo_codes, ',') ~ '^([0-9]{5}(,|$))*$'),
        learning_paths text[] NOT NULL DEFAULT '{}',
        elective_codes text[] NOT NULL DEFAULT '{}' CHECK (array_to_string(elective_codes, ',') ~ '^(K[0-9]{4}(,|$))*$'),
        component_ids uuid[] NOT NULL DEFAULT '{}',

        module_type text,
        study_load_value numeric(8, 2) CHECK (study_load_value > 0),
        study_load_unit text CHECK (study_load_unit IN ('hour', 'sbu', 'ects')),
        study_load_hours numeric(10, 2) GENERATED ALWAYS AS (
          CASE study_load_unit WHEN 'ects' THEN study_load_value * 28 ELSE study_load_value END
        ) STORED,
        audiences text[] NOT NULL DEFAULT '{}',
        learning_mode text,
        delivery_modes text[] NOT NULL DEFAULT '{}',
        certification text,
        stackable boolean,
        price_cents integer CHECK (price_cents >= 0),
        prerequisite_ids uuid[] NOT NULL DEFAULT '{}',

        infrastructure_model text,
        infrastructure_natures text[] NOT NULL DEFAULT '{}',
        infrastructure_software text[] NOT NULL DEFAULT '{}',
        infrastructure_uses text[] NOT NULL DEFAULT '{}',
        used_by_ids uuid[] NOT NULL DEFAULT '{}',

        building_blocks text[] NOT NULL DEFAULT '{}',
        configurations text[] NOT NULL DEFAULT '{}',
        period_start date,
        period_end date,

        details jsonb NOT NULL DEFAULT '{}',
        change_note text,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid REFERENCES app_user(id),
        PRIMARY KEY (asset_id, number),
        CHECK ((study_load_value IS NULL) = (study_load_unit IS NULL)),
        CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
        CHECK (state = 'draft' OR published_at IS NOT NULL)
      )`);

    // A published version is a citable record (reuse and courses pin it): refuse any change
    // at the database, not only in the service, so no future code path can rewrite history.
    await q.query(`
      CREATE FUNCTION asset_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'published' THEN
          RAISE EXCEPTION 'asset_version %/% is published and immutable', OLD.asset_id, OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER asset_version_immutable BEFORE UPDATE OR DELETE ON asset_version
      FOR EACH ROW WHEN (OLD.state = 'published') EXECUTE FUNCTION asset_version_is_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE asset_version`);
    await q.query(`DROP FUNCTION asset_version_is_immutable`);
    await q.query(
      `DROP TABLE asset, api_token, pps_membership, app_user, pps_partner, pps, organisation_alias, organisation, taxonomy_term`,
    );
  }
}

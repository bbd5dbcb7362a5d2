import { ViewColumn, ViewEntity } from 'typeorm';

/**
 * The public face of a PPS as other libraries may join to it: the view `pps_public`
 * (migrations/1765584000000-ListedAndPublicFaces.ts), with its lead institution, the publisher
 * harvesters see. Read-only; organisations alone reads and writes the tables behind it.
 */
@ViewEntity('pps_public')
export class PpsPublicView {
  @ViewColumn()
  id: string;

  @ViewColumn()
  slug: string;

  @ViewColumn()
  name: string;

  @ViewColumn()
  provinces: string[];

  @ViewColumn({ name: 'lead_organisation_id' })
  leadOrganisationId: string;

  @ViewColumn({ name: 'lead_name' })
  leadName: string;

  @ViewColumn({ name: 'lead_type' })
  leadType: string;
}

import type { Principal, Role } from '@bouwsteen/auth/pure';
import { PpsPolicy } from '@bouwsteen/organisations/pure';

/**
 * Who may read a PPS's requests for material (name, e-mail, school, purpose: personal data):
 * the editors of the PPS the request was sent to, and admins. Nobody else, teachers and other
 * PPS's editors included; anyone may send one.
 */
export const RequestPolicy = {
  mayRead(principal: Principal | undefined, ppsId: string): boolean {
    return PpsPolicy.canEdit(principal, ppsId);
  },

  /**
   * Whether anyone can receive a PPS's requests: one of its active members (given by their
   * roles) may read its inbox. Admins read every inbox, but are nobody's contact: a PPS whose
   * members cannot read it is offered no request form (nobody would answer).
   */
  someoneReads(activeMemberRoles: readonly Role[], ppsId: string): boolean {
    return activeMemberRoles.some((role) =>
      this.mayRead(
        { userId: '', email: '', role, ppsIds: [ppsId], organisationId: null, via: 'session' },
        ppsId,
      ),
    );
  },
};

import type { Principal } from '@bouwsteen/auth/pure';
import { PpsPolicy } from '@bouwsteen/organisations/pure';

/**
 * Who reads which usage figures. A PPS's dashboard (views, clicks, requests, reuse, courses,
 * reviews, followers, referring hosts per block): that PPS's editors and admins. The region's
 * search analytics (what people look for and do not find): admins and PPS leads, who fund and
 * build what is missing — Bouwsteen has no funder role; a funder's programme office signs in
 * as an admin or a lead. The public summary on a block page (views this month, reuse) is for
 * everyone.
 */
export const UsagePolicy = {
  mayReadDashboard(principal: Principal | undefined, ppsId: string): boolean {
    return PpsPolicy.canEdit(principal, ppsId);
  },

  mayReadSearchAnalytics(principal: Principal | undefined): boolean {
    return principal?.role === 'admin' || principal?.role === 'pps-editor';
  },
};

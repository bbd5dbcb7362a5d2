import type { AppConfig } from '@bouwsteen/config';

/** How the registry names itself to catalogues (OAI-PMH Identify, OOAPI's root organisation). */
export const REPOSITORY_NAME = 'Bouwsteen — bouwstenen van de mbo-PPS';

/** Absolute public addresses, as every format links to them (PUBLIC_BASE_URL is an origin). */
export function publicLinks(config: AppConfig) {
  const absolute = (path: string) => `${config.web.publicBaseUrl}${path}`;
  return { absolute, page: (id: string) => absolute(`/bouwstenen/${id}`) };
}

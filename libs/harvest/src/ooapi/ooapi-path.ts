/** Where OOAPI is served: every error at or below it is answered as the spec's Problem. */
export const OOAPI_PATH = '/ooapi';

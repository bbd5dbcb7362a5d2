/** OAI-PMH's own error codes (§3.6): answered as XML in HTTP 200, never as an HTTP error. */
export enum OaiErrorCode {
  BadArgument = 'badArgument',
  BadResumptionToken = 'badResumptionToken',
  BadVerb = 'badVerb',
  CannotDisseminateFormat = 'cannotDisseminateFormat',
  IdDoesNotExist = 'idDoesNotExist',
  NoRecordsMatch = 'noRecordsMatch',
}

export class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

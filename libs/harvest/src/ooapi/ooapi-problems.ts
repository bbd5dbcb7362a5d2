import { STATUS_CODES } from 'node:http';
import {
  CommonError,
  DomainException,
  PROBLEM_CONTENT_TYPE,
  Problem,
  ProblemDialect,
} from '@bouwsteen/common/pure';
import { OOAPI_PATH } from './ooapi-path';

export { OOAPI_PATH };

/** What the OOAPI service refuses: a parameter it cannot take (400) or an unknown id (404). */
export class OoapiProblem extends DomainException {
  constructor(status: 400 | 404, detail: string) {
    super(status === 404 ? CommonError.NotFound : CommonError.BadRequest, detail);
  }
}

/**
 * The spec's Problem (components/schemas/Problem): the status as a string, the HTTP reason as
 * title, and what happened as detail, for OoapiProblem and for every other error under
 * OOAPI_PATH (an unknown path, refused input, an outage), with the same status and headers.
 */
export const OOAPI_PROBLEMS: ProblemDialect = {
  pathPrefix: OOAPI_PATH,
  contentType: PROBLEM_CONTENT_TYPE,
  body: (problem) =>
    JSON.stringify({
      status: String(problem.status),
      title: STATUS_CODES[problem.status] ?? problem.title,
      detail: detailOf(problem),
    }),
};

/** The spec's Problem has no list of field errors: they are told in the detail. */
function detailOf(problem: Problem): string {
  const detail = problem.detail ?? problem.title;
  const fields = (problem.errors ?? []).map((error) => `${error.field} ${error.message}`);
  return fields.length > 0 ? `${detail}: ${fields.join('; ')}` : detail;
}

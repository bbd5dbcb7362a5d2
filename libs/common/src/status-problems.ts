import { CommonError } from './common.errors';
import { problemDefinition } from './problem-catalogue';

/** The common problem for each HTTP status the framework itself may answer. */
const BY_STATUS: Record<number, CommonError> = {
  400: CommonError.BadRequest,
  401: CommonError.Unauthorized,
  403: CommonError.Forbidden,
  404: CommonError.NotFound,
  405: CommonError.MethodNotAllowed,
  406: CommonError.NotAcceptable,
  408: CommonError.RequestTimeout,
  409: CommonError.Conflict,
  411: CommonError.LengthRequired,
  412: CommonError.StaleVersion,
  413: CommonError.PayloadTooLarge,
  414: CommonError.UriTooLong,
  415: CommonError.UnsupportedMediaType,
  422: CommonError.Unprocessable,
  428: CommonError.PreconditionRequired,
  429: CommonError.TooManyRequests,
  431: CommonError.HeadersTooLarge,
  500: CommonError.InternalError,
  503: CommonError.ServiceUnavailable,
};

export function statusProblem(status: number): { code: string; title: string } {
  const code =
    BY_STATUS[status] ?? (status >= 500 ? CommonError.InternalError : CommonError.BadRequest);
  return { code, title: problemDefinition(code)!.title };
}

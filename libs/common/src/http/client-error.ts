import { randomUUID } from 'node:crypto';
import { STATUS_CODES, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemType } from '../problem-catalogue';
import { PROBLEM_CONTENT_TYPE } from '../problem-mapping';
import { statusProblem } from '../status-problems';

/**
 * Requests Node refuses before any route sees them (headers too large, malformed HTTP, header
 * timeout) get a problem+json body too, instead of Node's bare status line.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    const { code, title } = statusProblem(status);
    const body = JSON.stringify({
      type: problemType(code),
      title,
      status,
      detail:
        status === 431
          ? 'The request headers are larger than the server accepts (16 KB); send fewer or shorter headers'
          : status === 408
            ? 'The request headers did not arrive in time'
            : 'The request is not valid HTTP',
      code,
      requestId: randomUUID(),
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

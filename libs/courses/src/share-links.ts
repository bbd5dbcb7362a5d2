import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { CommonError, DomainException, NotFoundError, fingerprint } from '@bouwsteen/common';
import { CoursesRepository, ShareState } from './courses.repository';
import { CourseError } from './course.errors';
import { ShareLinkDto } from './dto/course.dto';

export interface SharedLink {
  link: ShareLinkDto;
  /** Whether this request made the link (else it was already there, or a parallel one made it). */
  created: boolean;
}

/** Compare-and-set rounds before giving up: each lost round means another request just won. */
const MAX_ROUNDS = 3;

/**
 * A course's public link. Its token is an HMAC, under a key derived from JWT_SECRET, of the
 * course and a random nonce; the course keeps the nonce and the token's fingerprint (the lookup
 * key) only. So the link can be shown again without being stored, and a link is changed only by
 * a compare-and-set on the nonce: of parallel requests one changes it and the others show what
 * it made.
 */
@Injectable()
export class ShareLinks {
  private readonly key: Buffer;

  constructor(
    private readonly courses: CoursesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('bouwsteen-share-link').digest();
  }

  /** The link in force, made when there is none. */
  current(courseId: string): Promise<SharedLink> {
    return this.settle(courseId, false);
  }

  /** A new link instead of the one in force now (which stops working). */
  replace(courseId: string): Promise<SharedLink> {
    return this.settle(courseId, true);
  }

  private async settle(courseId: string, replace: boolean): Promise<SharedLink> {
    let state = await this.courses.shareState(courseId);
    const asked = state?.nonce ?? null;
    for (let round = 0; state && round < MAX_ROUNDS; round++) {
      const shown = this.showable(courseId, state);
      if (shown && !(replace && state.nonce === asked))
        return { link: linkOf(shown), created: false };
      // None yet, the one asked to be replaced, or one that cannot be shown again (made before
      // links had a nonce, or under another JWT_SECRET): a new one, unless another request
      // changed the link meanwhile; then its link is shown.
      const nonce = randomBytes(32).toString('base64url');
      const token = this.tokenOf(courseId, nonce);
      if (await this.courses.setShare(courseId, state.nonce, nonce, fingerprint(token)))
        return { link: linkOf(token), created: true };
      state = await this.courses.shareState(courseId);
    }
    if (!state) throw new NotFoundError(CourseError.NotFound, 'course', courseId);
    throw new DomainException(
      CommonError.ConcurrentUpdate,
      'The share link was changed by other requests at the same time; try again',
    );
  }

  private showable(courseId: string, state: ShareState): string | undefined {
    if (!state.nonce) return undefined;
    const token = this.tokenOf(courseId, state.nonce);
    return fingerprint(token) === state.hash ? token : undefined;
  }

  private tokenOf(courseId: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${courseId}:${nonce}`).digest('base64url');
  }
}

function linkOf(token: string): ShareLinkDto {
  const api = `/api/v1/shared/courses/${token}`;
  return { token, html: `/cursus/${token}`, json: `${api}?format=json`, csv: `${api}?format=csv` };
}

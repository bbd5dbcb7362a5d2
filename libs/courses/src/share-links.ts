import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { NotFoundError, ShareTokens } from '@bouwsteen/common';
import { CoursesRepository } from './courses.repository';
import { CourseError } from './course.errors';
import { ShareLinkDto } from './dto/course.dto';

export interface SharedLink {
  link: ShareLinkDto;
  /** Whether this request made the link (else it was already there, or a parallel one made it). */
  created: boolean;
}

/** A course's public link (see ShareTokens: shown again without being stored, one of parallel requests wins). */
@Injectable()
export class ShareLinks {
  private readonly tokens: ShareTokens;

  constructor(
    private readonly courses: CoursesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new ShareTokens(config.auth.jwtSecret, 'bouwsteen-share-link');
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
    const settled = await this.tokens.settle(this.courses, courseId, replace);
    if (!settled) throw new NotFoundError(CourseError.NotFound, 'course', courseId);
    return { link: linkOf(settled.token), created: settled.created };
  }
}

function linkOf(token: string): ShareLinkDto {
  const api = `/api/v1/shared/courses/${token}`;
  return { token, html: `/cursus/${token}`, json: `${api}?format=json`, csv: `${api}?format=csv` };
}

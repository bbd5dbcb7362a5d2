import { Injectable } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import { DomainException, ForbiddenError } from '@bouwsteen/common';
import { CoursesService, CreateCourseDto } from '@bouwsteen/courses';
import { CourseFromListDto, CourseFromListResultDto } from './dto/list.dto';
import { LeftOutReason, courseSelection } from './list-rules';
import { ListPolicy } from './list.policy';
import { ListError } from './lists.errors';
import { ListsService } from './lists.service';

/**
 * "Maak een cursus van deze lijst": an LLO office starts a draft course from one of its lists.
 * The course is made by the courses library (CoursesService.create, with all its rules); this
 * only chooses what goes in — the list's published modules and infrastructure profiles, in the
 * list's order — and says what it left out and why.
 */
@Injectable()
export class ListCourses {
  constructor(
    private readonly lists: ListsService,
    private readonly courses: CoursesService,
  ) {}

  async start(
    principal: Principal,
    listId: string,
    dto: CourseFromListDto,
  ): Promise<CourseFromListResultDto> {
    const { list, items } = await this.lists.ownedItems(principal, listId);
    if (!ListPolicy.mayStartCourse(principal))
      throw new ForbiddenError('Only an LLO office makes courses');
    const { taken, leftOut } = courseSelection(items);
    if (taken.length === 0)
      throw new DomainException(
        ListError.NothingForACourse,
        'The list holds no published module or infrastructure profile',
      );
    const title = dto.title ?? (list.name.length >= 3 ? list.name : `Cursus ${list.name}`);
    const course = await this.courses.create(
      principal,
      Object.assign(new CreateCourseDto(), {
        title: title.slice(0, 200),
        employer: dto.employer,
        audience: dto.audience,
        items: taken.map((item) => ({ assetId: item.assetId })),
      }),
    );
    return { courseId: course.id, itemCount: course.items.length, leftOut: named(leftOut) };
  }

  /**
   * What a course made from a list holds and what the list has that it does not, read again
   * (the page after "Maak een cursus" is a page of its own, so a reload asks for nothing twice):
   * the course as it is now, the list's items a course cannot take as the list is now.
   */
  async made(
    principal: Principal,
    listId: string,
    courseId: string,
  ): Promise<CourseFromListResultDto> {
    const { items } = await this.lists.ownedItems(principal, listId);
    const course = await this.courses.get(principal, courseId);
    return {
      courseId: course.id,
      itemCount: course.items.length,
      leftOut: named(courseSelection(items).leftOut),
    };
  }
}

/** The items a course left out, as the answer names them. */
function named(
  leftOut: { item: { assetId: string; title: string }; reason: LeftOutReason }[],
): CourseFromListResultDto['leftOut'] {
  return leftOut.map(({ item, reason }) => ({ assetId: item.assetId, title: item.title, reason }));
}

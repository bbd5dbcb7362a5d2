import { Injectable } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import { DomainException, ForbiddenError } from '@bouwsteen/common';
import { CoursesService, CreateCourseDto } from '@bouwsteen/courses';
import { CourseFromListDto, CourseFromListResultDto } from './dto/list.dto';
import { courseSelection } from './list-rules';
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
    return {
      courseId: course.id,
      itemCount: course.items.length,
      leftOut: leftOut.map(({ item, reason }) => ({
        assetId: item.assetId,
        title: item.title,
        reason,
      })),
    };
  }
}

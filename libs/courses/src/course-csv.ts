import { CourseDto } from './dto/course.dto';

/** One row per item of a shared course, for the CSV variant. */
export function courseCsvRows(course: CourseDto): Record<string, unknown>[] {
  return course.items.map((item) => ({
    position: item.position,
    title: item.title,
    pps: item.ppsName,
    version: item.version,
    state: item.state,
    studyLoadHours: item.studyLoadHours,
    priceCents: item.priceCents,
    certification: item.certification,
    deliveryModes: item.deliveryModes,
    levels: item.levels,
    license: item.license,
    location: item.location,
  }));
}

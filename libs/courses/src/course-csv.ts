import { CourseDto } from './dto/course.dto';

/**
 * One row per item of a shared course, for the CSV variant: a spreadsheet, so the price is in
 * euros with two decimals ("395.50"), not in the cents the JSON keeps.
 */
export function courseCsvRows(course: CourseDto): Record<string, unknown>[] {
  return course.items.map((item) => ({
    position: item.position,
    title: item.title,
    pps: item.ppsName,
    version: item.version,
    state: item.state,
    studyLoadHours: item.studyLoadHours,
    priceEuros: item.priceCents === null ? null : (item.priceCents / 100).toFixed(2),
    certification: item.certification,
    deliveryModes: item.deliveryModes,
    levels: item.levels,
    license: item.license,
    location: item.location,
  }));
}

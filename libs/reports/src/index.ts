export * from './reports.module';
export * from './reports.service';
export * from './dto/report.dto';
export type { NetworkEdge, PpsScope } from './reports.repository';

export * from './pure';
export * from './lists.module';
export * from './lists.service';
export * from './list-courses';
export * from './saved-searches.service';
export * from './saved-search-alerts';
export * from './dto/list.dto';
export * from './dto/saved-search.dto';

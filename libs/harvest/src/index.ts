export * from './harvest.module';
export * from './oai-pmh.service';
export * from './oai-dates';
export * from './asset-json-ld';
export { OAI_PMH_PATH } from './oai-arguments';
export { OOAPI_PROBLEMS } from './ooapi/ooapi-problems';
export { allowAnyOrigin, feedCors } from './feed-cors';

export { buildTestCity } from './build-test-city';
export type { TestSegmentSpec } from './build-test-city';

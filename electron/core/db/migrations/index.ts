import { CreateSchema0001 } from './0001-create-schema';

/** Every migration, in order. A data folder that lists a migration not in here is from a newer build. */
export const MIGRATIONS = [CreateSchema0001];

import { CreateSchema0001 } from './0001-create-schema';
import { CreateEntityHistory1700000000002 } from './0002-create-entity-history';

/** Every migration, in order. A data folder that lists a migration not in here is from a newer build. */
export const MIGRATIONS = [CreateSchema0001, CreateEntityHistory1700000000002];

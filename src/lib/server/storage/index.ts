import type { StorageConfig } from '../config.ts';
import { createLocalStore } from './local-store.ts';
import type { ObjectStore } from './object-store.ts';
import { createS3Store } from './s3-store.ts';

export {
	assertValidKey,
	assertValidPrefix,
	InvalidKeyError,
	isValidKey,
	type ListedObject,
	type ObjectInfo,
	type ObjectStore,
	type PutOptions
} from './object-store.ts';
export { objectNotFound, publicObjectPolicy, serveObject, type ServeOptions } from './serve.ts';
export { createLocalStore } from './local-store.ts';
export { createS3Store, type S3StorageConfig, type S3StoreOptions } from './s3-store.ts';

export function createObjectStore(config: StorageConfig): ObjectStore {
	return config.kind === 'local' ? createLocalStore(config.dir) : createS3Store(config);
}

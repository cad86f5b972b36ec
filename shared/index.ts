export * from './api/app';
export * from './api/connection';
export * from './api/errors';
export * from './api/events';
export * from './api/methods';
export * from './api/result';
export * from './api/server';
export * from './api/transport';

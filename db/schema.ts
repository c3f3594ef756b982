export * from './schema/auth';
export * from './schema/content';
export * from './schema/giving';
export * from './schema/institution';
export * from './schema/membership';
export * from './schema/operations';
export * from './schema/search';
export * from './relations';

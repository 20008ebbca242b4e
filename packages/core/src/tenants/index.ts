export * from './demo-tenant';
export * from './tenant-registry';
export * from './demo-listings';

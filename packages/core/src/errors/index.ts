export * from './enterprise-hub-error';
export * from './error-codes';
export * from './to-enterprise-hub-error';

export * from './create-event-bus';
export type * from './event-map';

/**
 * `@enterprisehub/ghl`: a GoHighLevel API v2 client (typed resources, per-operation `Version` headers,
 * adaptive rate limiting, retries, OAuth with single-flight refresh), webhook verification and parsing,
 * and the `CrmGateway` implementation the bots use. Test helpers live in `@enterprisehub/ghl/testing`.
 *
 * @module
 */

// --- client ---
export {
  createGhlClient,
  GHL_API_BASE_URL,
  type GhlClient,
  type GhlClientOptions,
} from './client/create-ghl-client';
export {
  GhlApiError,
  ghlErrorCodeForStatus,
  type GhlApiErrorOptions,
  type GhlHttpMethod,
} from './client/ghl-api-error';
export type { GhlApiVersion } from './client/ghl-api-version';
export type { GhlPriority, GhlQueryValue, GhlRequest } from './client/ghl-request';
export type { GhlRetryOptions } from './client/ghl-retry-options';
export { OPERATION_VERSIONS, type GhlOperationKey } from './client/operation-versions';

// --- resources ---
export {
  ghlAppointmentSchema,
  ghlCalendarSchema,
  type CalendarsResource,
  type GhlAppointment,
  type GhlAppointmentInput,
  type GhlAppointmentStatus,
  type GhlCalendar,
  type GhlFreeSlotDay,
} from './resources/calendars-resource';
export {
  ghlContactAppointmentSchema,
  ghlContactSchema,
  ghlDndSettingSchema,
  ghlNoteSchema,
  ghlTaskSchema,
  type GhlContact,
  type GhlContactAppointment,
  type GhlContactInput,
  type GhlCustomFieldValue,
  type GhlDndSettings,
  type GhlDndStatus,
  type GhlNote,
  type GhlTask,
} from './resources/contact-schemas';
export type { ContactsResource, GhlContactSearch } from './resources/contacts-resource';
export {
  ghlConversationSchema,
  ghlMessageEnvelopeSchema,
  ghlMessagePageSchema,
  ghlMessageSchema,
  ghlSendMessageResultSchema,
  type GhlConversation,
  type GhlMessage,
  type GhlMessageDeliveryStatus,
  type GhlMessagePage,
  type GhlOutboundMessageType,
  type GhlSendMessageInput,
  type GhlSendMessageResult,
} from './resources/conversation-schemas';
export {
  type ConversationsResource,
  type GhlConversationSearch,
  type GhlMessageTypeFilter,
} from './resources/conversations-resource';
export type { GhlCallOptions, GhlRequestFunction } from './resources/ghl-call-options';
export {
  ghlCustomFieldSchema,
  ghlCustomValueSchema,
  ghlLocationSchema,
  type GhlCustomField,
  type GhlCustomValue,
  type GhlLocation,
  type LocationsResource,
} from './resources/locations-resource';
export {
  ghlOpportunitySchema,
  ghlPipelineSchema,
  type GhlOpportunity,
  type GhlOpportunityInput,
  type GhlOpportunitySearch,
  type GhlOpportunityStatus,
  type GhlPipeline,
  type OpportunitiesResource,
} from './resources/opportunities-resource';
export { ghlUserSchema, type GhlUser, type UsersResource } from './resources/users-resource';
export {
  ghlWorkflowSchema,
  type GhlWorkflow,
  type WorkflowsResource,
} from './resources/workflows-resource';

// --- rate limiting ---
export type {
  GhlRateLimitOptions,
  GhlRateLimitSnapshot,
} from './rate-limit/ghl-rate-limit-options';
export { parseRateLimitHeaders, type RateLimitHeaders } from './rate-limit/rate-limit-headers';

// --- auth ---
export { buildAuthorizeUrl, type AuthorizeUrlOptions } from './auth/build-authorize-url';
export { createGhlOAuth, type GhlOAuth, type GhlOAuthOptions } from './auth/create-ghl-oauth';
export {
  staticTokenProvider,
  type GetAccessTokenOptions,
  type GhlTokenProvider,
} from './auth/ghl-token-provider';
export {
  companyTokenKey,
  createMemoryGhlTokenStore,
  locationTokenKey,
  type GhlTokenRecord,
  type GhlTokenStore,
} from './auth/ghl-token-store';

// --- CRM gateway ---
export {
  createGhlCrmGateway,
  type GhlCrmGatewayOptions,
} from './crm-gateway/create-ghl-crm-gateway';
export {
  createDryRunCrmGateway,
  DryRunCrmGateway,
  type DryRunCrmGatewayOptions,
  type PlannedGhlOperation,
} from './crm-gateway/dry-run-crm-gateway';

// --- webhooks ---
export {
  GHL_WEBHOOK_ED25519_PUBLIC_KEY,
  GHL_WEBHOOK_RSA_PUBLIC_KEY,
} from './webhooks/ghl-webhook-public-keys';
export {
  KNOWN_WEBHOOK_EVENT_TYPES,
  parseWebhookEvent,
  type GhlWebhookEvent,
  type InvalidWebhookEvent,
  type KnownWebhookEvent,
  type KnownWebhookEventType,
  type UnknownWebhookEvent,
} from './webhooks/parse-webhook-event';
export type { WebhookPublicKeyInput } from './webhooks/to-public-key';
export {
  verifyWebhookSignature,
  type VerifyWebhookSignatureOptions,
  type WebhookPublicKeys,
  type WebhookRejectionReason,
  type WebhookSignatureScheme,
  type WebhookVerificationResult,
} from './webhooks/verify-webhook-signature';
export {
  appointmentCreateEventSchema,
  appointmentUpdateEventSchema,
  contactCreateEventSchema,
  contactDeleteEventSchema,
  contactDndUpdateEventSchema,
  contactTagUpdateEventSchema,
  contactUpdateEventSchema,
  opportunityCreateEventSchema,
  opportunityStageUpdateEventSchema,
  opportunityStatusUpdateEventSchema,
  type AppointmentCreateEvent,
  type AppointmentUpdateEvent,
  type ContactCreateEvent,
  type ContactDeleteEvent,
  type ContactDndUpdateEvent,
  type ContactTagUpdateEvent,
  type ContactUpdateEvent,
  type OpportunityCreateEvent,
  type OpportunityStageUpdateEvent,
  type OpportunityStatusUpdateEvent,
} from './webhooks/webhook-crm-events';
export type { WebhookHeaders } from './webhooks/webhook-headers';
export {
  inboundMessageEventSchema,
  outboundMessageEventSchema,
  toMessageChannel,
  type InboundMessageEvent,
  type OutboundMessageEvent,
} from './webhooks/webhook-message-event';

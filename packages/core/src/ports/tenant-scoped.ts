/** Fields every port call carries: the tenant it is scoped to and an optional abort signal. */
export interface TenantScoped {
  /** Tenant the call is scoped to; a port never reads or writes another tenant's data. */
  tenantId: string;
  /** Aborts the call; the port rejects with an `ABORTED` error or an `AbortError`. */
  signal?: AbortSignal;
}

import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type StockNotice = Api.StockNotice;
export type NewStockNotice = Api.NewStockNotice;
export type StockNoticeStatus = StockNotice['status'];
/** A clinic's partner pharmacy: reached on a channel, or a paired Careline pharmacy. */
export type PartnerPharmacy = Api.Pharmacy;
export type NewPartnerPharmacy = Api.NewPharmacy;
export type PrescriptionOrderSummary = Api.PrescriptionOrderSummary;
/** With its timeline (`events`, oldest first). */
export type PrescriptionOrder = Api.PrescriptionOrder;
export type NewPrescriptionOrder = Api.NewPrescriptionOrder;
export type OrderItem = Api.PrescriptionOrderItem;
export type OrderEvent = Api.PrescriptionOrderEvent;
export type OrderStep = PrescriptionOrder['step'];
export type ResponseStep = Api.PharmacyOrderResponse['step'];
/** An order as a Careline pharmacy receives it. */
export type IncomingOrder = Api.PharmacyOrder;
export type PharmacyAnswer = Api.PharmacyOrderResponse;

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** Query keys under one prefix, so that a live order event refreshes every list and order at once. */
export const pharmacyKeys = {
  all: ['pharmacy'] as const,
  partners: ['pharmacy', 'partners'] as const,
  notices: ['pharmacy', 'notices'] as const,
  noticesOf: (medication: string) => ['pharmacy', 'notices', 'medication', medication] as const,
  orders: ['pharmacy', 'orders'] as const,
  ordersOf: (contactId: string) => ['pharmacy', 'orders', 'contact', contactId] as const,
  order: (id: string) => ['pharmacy', 'orders', 'one', id] as const,
  incoming: ['pharmacy', 'orders', 'incoming'] as const,
};

export const stockNoticesApi = {
  list: (query: { medication?: string; active?: boolean } = {}) => {
    const params = new URLSearchParams({ limit: '100' });
    if (query.medication) params.set('medication', query.medication);
    if (query.active) params.set('active', 'true');
    return apiRequest<Page<StockNotice>>(`${API}/stock-notices?${params.toString()}`);
  },
  publish: (notice: NewStockNotice) =>
    apiRequest<StockNotice>(`${API}/stock-notices`, { method: 'POST', body: notice }),
  withdraw: (id: string) =>
    apiRequest<StockNotice>(`${API}/stock-notices/${id}/withdraw`, { method: 'POST' }),
};

export const partnersApi = {
  list: () => apiRequest<{ data: PartnerPharmacy[] }>(`${API}/pharmacies`),
  create: (partner: NewPartnerPharmacy) =>
    apiRequest<PartnerPharmacy>(`${API}/pharmacies`, { method: 'POST', body: partner }),
  change: (id: string, change: Partial<Pick<PartnerPharmacy, 'name' | 'address' | 'language' | 'active'>>) =>
    apiRequest<PartnerPharmacy>(`${API}/pharmacies/${id}`, { method: 'PATCH', body: change }),
  /** A pharmacy's org: a single-use code one clinic enters to pair with it. */
  issueLinkCode: () => apiRequest<Api.PharmacyLinkCode>(`${API}/pharmacy/link-codes`, { method: 'POST' }),
};

/** The partners the clinic works with now (inactive ones are left out). */
export async function listPartners(): Promise<PartnerPharmacy[]> {
  return (await partnersApi.list()).data.filter((p) => p.active);
}

export const ordersApi = {
  create: (order: NewPrescriptionOrder) =>
    apiRequest<PrescriptionOrder>(`${API}/prescription-orders`, { method: 'POST', body: order }),
  ofContact: (contactId: string) =>
    apiRequest<Page<PrescriptionOrderSummary>>(`${API}/prescription-orders?contact_id=${contactId}&limit=50`),
  get: (id: string) => apiRequest<PrescriptionOrder>(`${API}/prescription-orders/${id}`),
  cancel: (id: string) =>
    apiRequest<PrescriptionOrder>(`${API}/prescription-orders/${id}/cancel`, { method: 'POST', body: {} }),
  decideSubstitute: (id: string, itemId: string, accepted: boolean) =>
    apiRequest<PrescriptionOrder>(`${API}/prescription-orders/${id}/items/${itemId}/substitute`, {
      method: 'POST',
      body: { accepted },
    }),
  incoming: () => apiRequest<Page<IncomingOrder>>(`${API}/pharmacy/orders?limit=100`),
  answer: (id: string, answer: PharmacyAnswer) =>
    apiRequest<IncomingOrder>(`${API}/pharmacy/orders/${id}/responses`, { method: 'POST', body: answer }),
};

import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export const STOCK_NOTICE_STATUSES = ['short', 'back'] as const;
export type StockNoticeStatus = (typeof STOCK_NOTICE_STATUSES)[number];

export interface StockNotice {
  id: string;
  pharmacy: { id: string | null; name: string };
  medication: string;
  strength: string | null;
  form: string | null;
  status: StockNoticeStatus;
  message: string | null;
  starts_at: string;
  expires_at: string;
  withdrawn_at: string | null;
  active: boolean;
  recorded_by: 'pharmacy' | 'clinic';
  can_withdraw: boolean;
  created_at: string;
}

export interface NewStockNotice {
  pharmacy_id?: string;
  medication: string;
  strength?: string | null;
  form?: string | null;
  status: StockNoticeStatus;
  message?: string | null;
  expires_at?: string;
}

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

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

/** A clinic's partner pharmacy (GET /pharmacies). */
export interface PartnerPharmacy {
  id: string;
  name: string;
  address: string | null;
  language: 'fr' | 'en';
  reach:
    | { kind: 'channel'; channel_type: string; address: string; channel_account_id: string }
    | { kind: 'careline'; org_id: string; org_name: string | null };
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface NewPartnerPharmacy {
  name: string;
  address?: string | null;
  language?: 'fr' | 'en';
  reach:
    | { kind: 'channel'; channel_type: string; address: string; channel_account_id: string }
    | { kind: 'careline'; link_code: string };
}

export const partnersApi = {
  list: () => apiRequest<{ data: PartnerPharmacy[] }>(`${API}/pharmacies`),
  create: (partner: NewPartnerPharmacy) =>
    apiRequest<PartnerPharmacy>(`${API}/pharmacies`, { method: 'POST', body: partner }),
  change: (id: string, change: Partial<Pick<PartnerPharmacy, 'name' | 'address' | 'language' | 'active'>>) =>
    apiRequest<PartnerPharmacy>(`${API}/pharmacies/${id}`, { method: 'PATCH', body: change }),
  /** A pharmacy's org: a single-use code one clinic enters to pair with it. */
  issueLinkCode: () =>
    apiRequest<{ code: string; expires_at: string }>(`${API}/pharmacy/link-codes`, { method: 'POST' }),
};

/** The partners the clinic works with now (inactive ones are left out). */
export async function listPartners(): Promise<PartnerPharmacy[]> {
  return (await partnersApi.list()).data.filter((p) => p.active);
}

export const ORDER_STEPS = [
  'sent',
  'available',
  'partly_available',
  'unavailable',
  'ready_for_pickup',
  'out_for_delivery',
  'handed_over',
  'declined',
  'cancelled',
] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];
export const RESPONSE_STEPS = [
  'available',
  'partly_available',
  'unavailable',
  'ready_for_pickup',
  'out_for_delivery',
  'handed_over',
  'declined',
] as const;
export type ResponseStep = (typeof RESPONSE_STEPS)[number];

export interface NewOrderItem {
  medication: string;
  strength?: string;
  form?: string;
  quantity: string;
  posology: string;
  substitution_allowed: boolean;
}

export interface NewPrescriptionOrder {
  contact_id: string;
  pharmacy_id: string;
  fulfilment: 'pickup' | 'delivery';
  delivery_address?: string;
  note?: string;
  items: NewOrderItem[];
}

export interface OrderItem {
  id: string;
  medication: string;
  strength: string | null;
  form: string | null;
  quantity: string;
  posology: string;
  substitution_allowed: boolean;
  availability: 'pending' | 'available' | 'unavailable';
  substitute: {
    medication: string;
    strength: string | null;
    form: string | null;
    decision: 'proposed' | 'accepted' | 'refused';
  } | null;
}

export interface OrderEvent {
  id: string;
  at: string;
  kind: string;
  step: OrderStep | null;
  actor: {
    kind: 'user' | 'api_key' | 'pharmacy' | 'system';
    user_id: string | null;
    api_key_id: string | null;
  };
  detail: {
    ready_at?: string;
    eta?: string;
    reason?: string;
    text?: string;
    accepted?: boolean;
    channel?: string;
    why?: string;
    item_ids?: string[];
    item_id?: string;
    via?: 'channel' | 'careline' | 'api';
  } | null;
}

export interface PrescriptionOrder {
  id: string;
  reference: string;
  contact_id: string;
  pharmacy: { id: string; name: string; reach_kind: 'channel' | 'careline' };
  fulfilment: 'pickup' | 'delivery';
  step: OrderStep;
  status: string;
  next_steps: ResponseStep[];
  ready_at: string | null;
  eta: string | null;
  delivery_address: string | null;
  note: string | null;
  decline_reason: string | null;
  created_by_user_id: string | null;
  items: OrderItem[];
  created_at: string;
  updated_at: string;
  /** The timeline, oldest first: in GET /prescription-orders/{id} only. */
  events?: OrderEvent[];
}

/** An order as a Careline pharmacy receives it. */
export interface IncomingOrder {
  id: string;
  reference: string;
  clinic: { org_id: string; name: string };
  patient: { name: string | null };
  fulfilment: 'pickup' | 'delivery';
  step: OrderStep;
  ready_at: string | null;
  eta: string | null;
  delivery_address: string | null;
  note: string | null;
  items: OrderItem[];
  next_steps: ResponseStep[];
  decline_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface PharmacyAnswer {
  step: ResponseStep;
  ready_at?: string;
  eta?: string;
  reason?: string;
  items?: Array<{
    item_id: string;
    available: boolean;
    substitute?: { medication: string; strength?: string; form?: string } | null;
  }>;
}

export const ordersApi = {
  create: (order: NewPrescriptionOrder) =>
    apiRequest<PrescriptionOrder>(`${API}/prescription-orders`, { method: 'POST', body: order }),
  ofContact: (contactId: string) =>
    apiRequest<Page<PrescriptionOrder>>(`${API}/prescription-orders?contact_id=${contactId}&limit=50`),
  get: (id: string) => apiRequest<PrescriptionOrder>(`${API}/prescription-orders/${id}`),
  cancel: (id: string) =>
    apiRequest<PrescriptionOrder>(`${API}/prescription-orders/${id}/cancel`, { method: 'POST' }),
  decideSubstitute: (id: string, itemId: string, accepted: boolean) =>
    apiRequest<PrescriptionOrder>(`${API}/prescription-orders/${id}/items/${itemId}/substitute`, {
      method: 'POST',
      body: { accepted },
    }),
  incoming: () => apiRequest<Page<IncomingOrder>>(`${API}/pharmacy/orders?limit=100`),
  answer: (id: string, answer: PharmacyAnswer) =>
    apiRequest<IncomingOrder>(`${API}/pharmacy/orders/${id}/responses`, { method: 'POST', body: answer }),
};

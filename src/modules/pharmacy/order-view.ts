import type { OrderEventDetail } from './order-event-detail.ts';
import type { PharmacyInboundOrder, PharmacyPartner, PrescriptionOrder } from './pharmacy.schema.ts';
import type {
  DispenseStatus,
  Fulfilment,
  ItemAvailability,
  OrderActorKind,
  OrderEventKind,
  OrderStep,
  ResponseStep,
  SubstituteDecision,
} from './pharmacy-vocabulary.ts';

// What the order service hands out and takes in, apart from it so that the messages to pharmacies and
// patients, and the API's shapes, can name them.

export interface Medicine {
  medication: string;
  strength: string | null;
  form: string | null;
}

export interface NewOrderItem extends Medicine {
  quantity: string;
  posology: string;
  substitutionAllowed: boolean;
}

export interface OrderItemView extends NewOrderItem {
  id: string;
  position: number;
  availability: ItemAvailability;
  substitute: (Medicine & { decision: SubstituteDecision }) | null;
}

/** An order as the clinic reads it: its row, opened, with its items and the pharmacy's name. */
export interface OrderView {
  order: PrescriptionOrder;
  status: DispenseStatus;
  pharmacy: { id: string; name: string; reachKind: PharmacyPartner['reachKind'] };
  deliveryAddress: string | null;
  note: string | null;
  declineReason: string | null;
  items: OrderItemView[];
  nextSteps: ResponseStep[];
}

export interface OrderEventView {
  id: string;
  at: Date;
  kind: OrderEventKind;
  step: OrderStep | null;
  actor: { kind: OrderActorKind; userId: string | null; apiKeyId: string | null };
  detail: OrderEventDetail | null;
}

/** What a pharmacy answers: the step, its times, a reason, and per item what it has or proposes. */
export interface PharmacyResponse {
  step: ResponseStep;
  readyAt?: Date | null;
  eta?: Date | null;
  reason?: string | null;
  items?: Array<{ itemId: string; available: boolean; substitute?: Medicine | null }>;
  /** What the pharmacist wrote, when the answer came typed on a channel. */
  text?: string | null;
}

export interface InboundOrderContent {
  clinicName: string;
  patient: { name: string | null };
  fulfilment: Fulfilment;
  deliveryAddress: string | null;
  note: string | null;
  declineReason: string | null;
  items: OrderItemView[];
}

export interface InboundOrderView {
  row: PharmacyInboundOrder;
  status: DispenseStatus;
  content: InboundOrderContent | null;
  nextSteps: ResponseStep[];
}

export interface NewOrder {
  contactId: string;
  pharmacyId: string;
  fulfilment: Fulfilment;
  deliveryAddress: string | null;
  note: string | null;
  items: NewOrderItem[];
}

import { and, desc, eq, gt, inArray, isNull, lt, notInArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import {
  type OrderStep,
  type PharmacyInboundOrder,
  type PharmacyLinkCode,
  type PharmacyPartner,
  type PrescriptionOrder,
  type PrescriptionOrderEvent,
  type PrescriptionOrderItem,
  pharmacyInboundOrders,
  pharmacyLinkCodes,
  pharmacyPartners,
  prescriptionOrderEvents,
  prescriptionOrderItems,
  prescriptionOrders,
} from './pharmacy.schema.ts';

const FINAL_STEPS: OrderStep[] = ['handed_over', 'declined', 'cancelled'];

// Partners

export async function insertPartner(
  db: DbOrTx,
  values: typeof pharmacyPartners.$inferInsert,
): Promise<PharmacyPartner> {
  const [row] = await db.insert(pharmacyPartners).values(values).returning();
  if (!row) throw new Error('insert into pharmacy_partners returned nothing');
  return row;
}

export async function updatePartner(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<typeof pharmacyPartners.$inferInsert>,
): Promise<PharmacyPartner | undefined> {
  const [row] = await db
    .update(pharmacyPartners)
    .set(values)
    .where(and(eq(pharmacyPartners.orgId, orgId), eq(pharmacyPartners.id, id)))
    .returning();
  return row;
}

export async function findPartner(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<PharmacyPartner | undefined> {
  const [row] = await db
    .select()
    .from(pharmacyPartners)
    .where(and(eq(pharmacyPartners.orgId, orgId), eq(pharmacyPartners.id, id)));
  return row;
}

export async function listPartners(db: DbOrTx, orgId: string): Promise<PharmacyPartner[]> {
  return db
    .select()
    .from(pharmacyPartners)
    .where(eq(pharmacyPartners.orgId, orgId))
    .orderBy(pharmacyPartners.name, pharmacyPartners.id);
}

/** The partner pharmacy whose number this person of the clinic's inbox is, if any. */
export async function findPartnerByContact(
  db: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<PharmacyPartner | undefined> {
  const [row] = await db
    .select()
    .from(pharmacyPartners)
    .where(and(eq(pharmacyPartners.orgId, orgId), eq(pharmacyPartners.partnerContactId, contactId)));
  return row;
}

/** Whether a clinic is paired with this pharmacy org (an active partner pointing at it). */
export async function findPairing(
  db: DbOrTx,
  clinicOrgId: string,
  pharmacyOrgId: string,
): Promise<PharmacyPartner | undefined> {
  const [row] = await db
    .select()
    .from(pharmacyPartners)
    .where(and(eq(pharmacyPartners.orgId, clinicOrgId), eq(pharmacyPartners.pharmacyOrgId, pharmacyOrgId)));
  return row;
}

// Link codes

export async function insertLinkCode(
  db: DbOrTx,
  values: typeof pharmacyLinkCodes.$inferInsert,
): Promise<PharmacyLinkCode> {
  const [row] = await db.insert(pharmacyLinkCodes).values(values).returning();
  if (!row) throw new Error('insert into pharmacy_link_codes returned nothing');
  return row;
}

/**
 * Uses a pharmacy's code once: the row is marked used by the clinic in the same statement that finds
 * it, so two clinics racing for one code cannot both get it. Looked up by its hash across orgs: the
 * code is what says which pharmacy it is.
 */
export async function consumeLinkCode(
  db: DbOrTx,
  codeHash: string,
  clinicOrgId: string,
  now: Date,
): Promise<PharmacyLinkCode | undefined> {
  const [row] = await db
    .update(pharmacyLinkCodes)
    .set({ usedAt: now, usedByOrgId: clinicOrgId })
    .where(
      and(
        eq(pharmacyLinkCodes.codeHash, codeHash),
        isNull(pharmacyLinkCodes.usedAt),
        gt(pharmacyLinkCodes.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

// Orders

export async function insertOrder(
  db: DbOrTx,
  values: typeof prescriptionOrders.$inferInsert,
): Promise<PrescriptionOrder | undefined> {
  const [row] = await db.insert(prescriptionOrders).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertItems(
  db: DbOrTx,
  values: Array<typeof prescriptionOrderItems.$inferInsert>,
): Promise<PrescriptionOrderItem[]> {
  if (values.length === 0) return [];
  return db.insert(prescriptionOrderItems).values(values).returning();
}

export async function insertOrderEvent(
  db: DbOrTx,
  values: typeof prescriptionOrderEvents.$inferInsert,
): Promise<PrescriptionOrderEvent> {
  const [row] = await db.insert(prescriptionOrderEvents).values(values).returning();
  if (!row) throw new Error('insert into prescription_order_events returned nothing');
  return row;
}

export async function findOrder(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<PrescriptionOrder | undefined> {
  const [row] = await db
    .select()
    .from(prescriptionOrders)
    .where(and(eq(prescriptionOrders.orgId, orgId), eq(prescriptionOrders.id, id)));
  return row;
}

/** The order's row locked for the answer that moves it: answers of one order take turns. */
export async function lockOrder(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<PrescriptionOrder | undefined> {
  const [row] = await db
    .select()
    .from(prescriptionOrders)
    .where(and(eq(prescriptionOrders.orgId, orgId), eq(prescriptionOrders.id, id)))
    .for('update');
  return row;
}

export async function findOrderByReference(
  db: DbOrTx,
  orgId: string,
  reference: string,
): Promise<PrescriptionOrder | undefined> {
  const [row] = await db
    .select()
    .from(prescriptionOrders)
    .where(and(eq(prescriptionOrders.orgId, orgId), eq(prescriptionOrders.reference, reference)));
  return row;
}

export async function updateOrder(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<typeof prescriptionOrders.$inferInsert>,
): Promise<PrescriptionOrder | undefined> {
  const [row] = await db
    .update(prescriptionOrders)
    .set(values)
    .where(and(eq(prescriptionOrders.orgId, orgId), eq(prescriptionOrders.id, id)))
    .returning();
  return row;
}

/** Orders still moving that a partner pharmacy holds, newest first. */
export async function openOrdersOfPartner(
  db: DbOrTx,
  orgId: string,
  pharmacyId: string,
  limit: number,
): Promise<PrescriptionOrder[]> {
  return db
    .select()
    .from(prescriptionOrders)
    .where(
      and(
        eq(prescriptionOrders.orgId, orgId),
        eq(prescriptionOrders.pharmacyId, pharmacyId),
        notInArray(prescriptionOrders.step, FINAL_STEPS),
      ),
    )
    .orderBy(desc(prescriptionOrders.createdAt), desc(prescriptionOrders.id))
    .limit(limit);
}

export async function listOrdersPage(
  db: DbOrTx,
  orgId: string,
  filter: { contactId?: string; step?: OrderStep[]; after?: KeysetPosition; limit: number },
): Promise<PrescriptionOrder[]> {
  const conditions = [eq(prescriptionOrders.orgId, orgId)];
  if (filter.contactId) conditions.push(eq(prescriptionOrders.contactId, filter.contactId));
  if (filter.step) conditions.push(inArray(prescriptionOrders.step, filter.step));
  if (filter.after) {
    const { at, id } = filter.after;
    const older = or(
      lt(prescriptionOrders.createdAt, at),
      and(eq(prescriptionOrders.createdAt, at), lt(prescriptionOrders.id, id)),
    );
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(prescriptionOrders)
    .where(and(...conditions))
    .orderBy(desc(prescriptionOrders.createdAt), desc(prescriptionOrders.id))
    .limit(filter.limit + 1);
}

export async function itemsOfOrders(
  db: DbOrTx,
  orgId: string,
  orderIds: readonly string[],
): Promise<PrescriptionOrderItem[]> {
  if (orderIds.length === 0) return [];
  return db
    .select()
    .from(prescriptionOrderItems)
    .where(
      and(eq(prescriptionOrderItems.orgId, orgId), inArray(prescriptionOrderItems.orderId, [...orderIds])),
    )
    .orderBy(prescriptionOrderItems.orderId, prescriptionOrderItems.position);
}

export async function findItem(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<PrescriptionOrderItem | undefined> {
  const [row] = await db
    .select()
    .from(prescriptionOrderItems)
    .where(and(eq(prescriptionOrderItems.orgId, orgId), eq(prescriptionOrderItems.id, id)));
  return row;
}

export async function updateItem(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<typeof prescriptionOrderItems.$inferInsert>,
): Promise<PrescriptionOrderItem | undefined> {
  const [row] = await db
    .update(prescriptionOrderItems)
    .set(values)
    .where(and(eq(prescriptionOrderItems.orgId, orgId), eq(prescriptionOrderItems.id, id)))
    .returning();
  return row;
}

export async function eventsOfOrder(
  db: DbOrTx,
  orgId: string,
  orderId: string,
): Promise<PrescriptionOrderEvent[]> {
  return db
    .select()
    .from(prescriptionOrderEvents)
    .where(and(eq(prescriptionOrderEvents.orgId, orgId), eq(prescriptionOrderEvents.orderId, orderId)))
    .orderBy(prescriptionOrderEvents.at, prescriptionOrderEvents.seq);
}

// A Careline pharmacy's copies

export async function insertInboundOrder(
  db: DbOrTx,
  values: typeof pharmacyInboundOrders.$inferInsert,
): Promise<PharmacyInboundOrder> {
  const [row] = await db.insert(pharmacyInboundOrders).values(values).returning();
  if (!row) throw new Error('insert into pharmacy_inbound_orders returned nothing');
  return row;
}

export async function findInboundOrder(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<PharmacyInboundOrder | undefined> {
  const [row] = await db
    .select()
    .from(pharmacyInboundOrders)
    .where(and(eq(pharmacyInboundOrders.orgId, orgId), eq(pharmacyInboundOrders.id, id)));
  return row;
}

export async function findInboundOrderOfClinicOrder(
  db: DbOrTx,
  clinicOrderId: string,
): Promise<PharmacyInboundOrder | undefined> {
  const [row] = await db
    .select()
    .from(pharmacyInboundOrders)
    .where(eq(pharmacyInboundOrders.clinicOrderId, clinicOrderId));
  return row;
}

export async function updateInboundOrder(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<typeof pharmacyInboundOrders.$inferInsert>,
): Promise<void> {
  await db
    .update(pharmacyInboundOrders)
    .set(values)
    .where(and(eq(pharmacyInboundOrders.orgId, orgId), eq(pharmacyInboundOrders.id, id)));
}

export async function listInboundOrdersPage(
  db: DbOrTx,
  orgId: string,
  filter: { step?: OrderStep[]; after?: KeysetPosition; limit: number },
): Promise<PharmacyInboundOrder[]> {
  const conditions = [eq(pharmacyInboundOrders.orgId, orgId)];
  if (filter.step) conditions.push(inArray(pharmacyInboundOrders.step, filter.step));
  if (filter.after) {
    const { at, id } = filter.after;
    const older = or(
      lt(pharmacyInboundOrders.createdAt, at),
      and(eq(pharmacyInboundOrders.createdAt, at), lt(pharmacyInboundOrders.id, id)),
    );
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(pharmacyInboundOrders)
    .where(and(...conditions))
    .orderBy(desc(pharmacyInboundOrders.createdAt), desc(pharmacyInboundOrders.id))
    .limit(filter.limit + 1);
}

import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { repointRows } from '../../platform/db/row-repointing.ts';
import {
  pharmacyInboundOrders,
  prescriptionOrderEvents,
  prescriptionOrderItems,
  prescriptionOrders,
} from './pharmacy.schema.ts';

/**
 * Erases one patient's prescription orders, for the privacy module's erasure (in its transaction): the
 * timeline, the medicines, the orders, and a Careline pharmacy's copy of each (it exists only because the
 * clinic sent it). Returns how many orders went.
 */
export async function deletePatientPrescriptionOrders(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<number> {
  const rows = await tx
    .select({ id: prescriptionOrders.id })
    .from(prescriptionOrders)
    .where(and(eq(prescriptionOrders.orgId, orgId), eq(prescriptionOrders.contactId, contactId)));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  await tx
    .delete(pharmacyInboundOrders)
    .where(
      and(eq(pharmacyInboundOrders.clinicOrgId, orgId), inArray(pharmacyInboundOrders.clinicOrderId, ids)),
    );
  await tx
    .delete(prescriptionOrderEvents)
    .where(and(eq(prescriptionOrderEvents.orgId, orgId), inArray(prescriptionOrderEvents.orderId, ids)));
  await tx
    .delete(prescriptionOrderItems)
    .where(and(eq(prescriptionOrderItems.orgId, orgId), inArray(prescriptionOrderItems.orderId, ids)));
  await tx
    .delete(prescriptionOrders)
    .where(and(eq(prescriptionOrders.orgId, orgId), inArray(prescriptionOrders.id, ids)));
  return ids.length;
}

/** One patient's prescription orders, for the patient-merge module. */
export async function patientPrescriptionOrderIds(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ id: prescriptionOrders.id })
    .from(prescriptionOrders)
    .where(and(eq(prescriptionOrders.orgId, orgId), eq(prescriptionOrders.contactId, contactId)));
  return rows.map((r) => r.id);
}

/**
 * For the patient-merge module: points orders at another record (and back, on an unmerge). Their sealed
 * medicines name the key they were sealed with, so they read the same after the move.
 */
export function movePrescriptionOrders(
  tx: DbOrTx,
  orgId: string,
  orderIds: readonly string[],
  toContactId: string,
): Promise<string[]> {
  return repointRows(tx, prescriptionOrders, orgId, prescriptionOrders.id, orderIds, toContactId);
}

// Capacity counters per five-minute bucket: the SQL that takes and releases them, and their overflow error.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';
import { bucketBounds } from '../schedule/slot-engine.ts';

/** The start of the five-minute bucket an instant falls in. */
export function floorToBucket(d: Date): Date {
  return new Date(bucketBounds(d.getTime(), d.getTime())[0]);
}

/** True for the error the capacity triggers raise when a bucket would overflow. */
export function isCapacityViolation(error: unknown): boolean {
  return (
    sqlState(error) === '23514' &&
    (error as { constraint?: unknown }).constraint === 'capacity_buckets_capacity'
  );
}

/**
 * Counts a booking just written into the buckets its session touches (take_booking_capacity, migration
 * 0026; claim_booking does this itself). Throws the capacity violation when the video system is full.
 */
export async function takeCapacity(trx: Transaction<Database>, bookingId: string): Promise<void> {
  await sql`select take_booking_capacity(b) from bookings b where b.id = ${bookingId}`.execute(trx);
}

/** Gives a cancelled session's buckets back (shift_booking_capacity, migration 0162: ascending locks, never below zero). */
export async function releaseCapacity(trx: Transaction<Database>, bookingId: string): Promise<void> {
  await sql`select shift_booking_capacity(b, -1) from bookings b where b.id = ${bookingId}`.execute(trx);
}

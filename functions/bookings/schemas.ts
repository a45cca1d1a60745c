// The booking request schemas of the contract, with the phone number normalised to E.164 on the server.
import * as v from 'valibot';
import { BookingBodySchema as ContractBookingBody } from '../../contract/bookings.ts';
import { MobilePhone } from '../http/schemas.ts';

export { CancelBodySchema, RescheduleBodySchema, TokenParamSchema } from '../../contract/bookings.ts';

export const BookingBodySchema = v.object({ ...ContractBookingBody.entries, phone: MobilePhone });

export type BookingBody = v.InferOutput<typeof BookingBodySchema>;

// The interpreter request schemas of the contract, with phone numbers normalised to E.164 on the server.
import * as v from 'valibot';
import {
  InterpreterCreateSchema as ContractCreate,
  InterpreterUpdateSchema as ContractUpdate,
} from '../../contract/interpreters.ts';
import { MobilePhone } from '../http/schemas.ts';

export { InviteInterpreterSchema } from '../../contract/interpreters.ts';

export const InterpreterCreateSchema = v.strictObject({ ...ContractCreate.entries, phone: MobilePhone });

export const InterpreterUpdateSchema = v.strictObject({
  ...ContractUpdate.entries,
  phone: v.optional(MobilePhone),
});

// Every operation of the API in one list: the source of the OpenAPI document and of the contract checks.
import type { Operation } from '../operation.ts';
import { ADMIN_OPERATIONS } from './admin.ts';
import { CAPACITY_OPERATIONS } from './capacity.ts';
import { CITIZEN_OPERATIONS, LOGIN_OPERATIONS, OPERATIONS_OPERATIONS } from './public.ts';
import { STAFF_OPERATIONS } from './staff.ts';

export const OPERATIONS: Operation[] = [
  ...CITIZEN_OPERATIONS,
  ...LOGIN_OPERATIONS,
  ...STAFF_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...CAPACITY_OPERATIONS,
  ...OPERATIONS_OPERATIONS,
];

// Building blocks shared by the OpenAPI document's parts.
export type Json = Record<string, unknown>;

export const problem = { $ref: '#/components/schemas/Problem' };
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
export const json = (schema: Json, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
export const body = (schema: Json) => ({ required: true, content: { 'application/json': { schema } } });
export const errors = {
  '400': problemResponse('Invalid input'),
  '422': problemResponse('Validation failed'),
  '429': problemResponse('Rate-limited (Retry-After)'),
  '503': problemResponse('A dependency is down (Retry-After)'),
};
export const dateTime = { type: 'string', format: 'date-time', description: 'ISO 8601 with an offset' };
export const booking = { $ref: '#/components/schemas/Booking' };

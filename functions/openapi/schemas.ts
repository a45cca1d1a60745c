// Component schemas of the OpenAPI document: problems, services, slots, bookings, join tokens.
import { LANGUAGES } from '../db/database.ts';
import { dateTime, type Json } from './parts.ts';

export const SCHEMAS: Record<string, Json> = {
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status', 'code', 'requestId'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      code: { type: 'string' },
      requestId: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: { path: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  },
  Service: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      durationMinutes: { type: 'integer' },
    },
  },
  Slots: {
    type: 'object',
    properties: {
      service: { type: 'string' },
      timeZone: { type: 'string' },
      days: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            date: { type: 'string', format: 'date' },
            freeCount: { type: 'integer' },
            slots: {
              type: 'array',
              items: { type: 'object', properties: { start: dateTime, end: dateTime } },
            },
          },
        },
      },
    },
  },
  BookingRequest: {
    type: 'object',
    required: ['service', 'start', 'phone', 'consent'],
    properties: {
      service: { type: 'string' },
      start: dateTime,
      phone: {
        type: 'string',
        description: 'mobile number; German numbers without country code accepted',
      },
      name: { type: 'string' },
      email: { type: 'string' },
      customerNumber: { type: 'string' },
      language: { enum: [...LANGUAGES] },
      consent: { const: true },
    },
  },
  Booking: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      service: { type: 'string' },
      start: dateTime,
      end: dateTime,
      status: { type: 'string' },
    },
  },
  JoinToken: {
    type: 'object',
    properties: {
      serverUrl: { type: 'string' },
      token: { type: 'string' },
      room: { type: 'string' },
      start: dateTime,
      end: dateTime,
      notice: { type: 'object', properties: { title: { type: 'string' }, text: { type: 'string' } } },
    },
  },
};

// The operator's capacity operations below /api/admin: sessions, maintenance, video nodes, closing days, rebooking.
import {
  CapacityBodySchema,
  CapacitySaved,
  CapacitySettings,
  Forecast,
  LiveCapacity,
  MaintenanceBodySchema,
  MaintenanceWindowCreated,
  MaintenanceWindowList,
  RebookingList,
} from '../admin/capacity.ts';
import {
  ClosingDayBodySchema,
  ClosingDayCreated,
  ClosingDayList,
  ClosingDayQuerySchema,
  StatusDeleted,
} from '../admin/closures.ts';
import {
  NodeBodySchema,
  NodeDeleted,
  NodeList,
  NodeMaintenanceSchema,
  NodePatchSchema,
  NodeSaved,
  Recommendation,
  RecommendationQuerySchema,
} from '../admin/nodes.ts';
import { ForecastQuerySchema } from '../admin/stats.ts';
import { BookingMoved, BookingOnly, CancelBodySchema, RescheduleBodySchema } from '../bookings.ts';
import { SystemStatus } from '../health.ts';
import { audience, ids, json } from '../operation.ts';
import { Deleted } from '../staff/availability.ts';

const id = ids('id');
const list = (path: string, summary: string, schema: Parameters<typeof json>[0]) => ({
  method: 'get' as const,
  path,
  summary,
  answers: { 200: json(schema) },
});

export const CAPACITY_OPERATIONS = audience('operator', [
  list('/api/admin/capacity', 'Concurrent video sessions and the ad-hoc reserve.', CapacitySettings),
  {
    method: 'put',
    path: '/api/admin/capacity',
    summary: 'Change the capacity; bookings over it are flagged for rebooking.',
    body: CapacityBodySchema,
    answers: { 200: json(CapacitySaved) },
    problems: [409],
  },
  {
    method: 'get',
    path: '/api/admin/capacity/forecast',
    summary: 'Booked against bookable sessions per hour.',
    query: ForecastQuerySchema,
    answers: { 200: json(Forecast) },
  },
  list('/api/admin/capacity/live', 'Rooms and participants now.', LiveCapacity),
  list('/api/admin/maintenance-windows', 'Planned capacity reductions.', MaintenanceWindowList),
  {
    method: 'post',
    path: '/api/admin/maintenance-windows',
    summary: 'Plan a capacity reduction; bookings over it are flagged.',
    body: MaintenanceBodySchema,
    answers: { 201: json(MaintenanceWindowCreated, 'Created') },
  },
  {
    method: 'delete',
    path: '/api/admin/maintenance-windows/{id}',
    summary: 'Delete a maintenance window.',
    params: id,
    answers: { 200: json(Deleted) },
  },
  list('/api/admin/livekit-nodes', 'The video nodes, their state and live load.', NodeList),
  {
    method: 'post',
    path: '/api/admin/livekit-nodes',
    summary: 'Register a video node.',
    body: NodeBodySchema,
    answers: { 201: json(NodeSaved, 'Registered') },
    problems: [409],
  },
  {
    method: 'get',
    path: '/api/admin/livekit-nodes/recommendation',
    summary: 'The capacity to give a node of so many cores, from the measured sessions per core.',
    query: RecommendationQuerySchema,
    answers: { 200: json(Recommendation) },
  },
  {
    method: 'patch',
    path: '/api/admin/livekit-nodes/{id}',
    summary: 'Change a node.',
    params: id,
    body: NodePatchSchema,
    answers: { 200: json(NodeSaved) },
    problems: [409],
  },
  {
    method: 'delete',
    path: '/api/admin/livekit-nodes/{id}',
    summary: 'Remove a node.',
    params: id,
    answers: { 200: json(NodeDeleted) },
    problems: [409],
  },
  {
    method: 'put',
    path: '/api/admin/livekit-nodes/{id}/maintenance',
    summary: 'Take a node out of service for a period.',
    params: id,
    body: NodeMaintenanceSchema,
    answers: { 200: json(NodeSaved) },
  },
  {
    method: 'delete',
    path: '/api/admin/livekit-nodes/{id}/maintenance',
    summary: "End a node's maintenance.",
    params: id,
    answers: { 200: json(NodeSaved) },
  },
  list('/api/admin/rebooking-needed', 'Bookings that need a new time, and why.', RebookingList),
  {
    method: 'post',
    path: '/api/admin/bookings/{id}/reschedule',
    summary: 'Move a booking to another slot; the citizen gets new links by SMS.',
    params: id,
    body: RescheduleBodySchema,
    answers: { 200: json(BookingMoved) },
    problems: [409, 410],
  },
  {
    method: 'post',
    path: '/api/admin/bookings/{id}/cancel',
    summary: 'Cancel a booking with a message to the citizen.',
    params: id,
    body: CancelBodySchema,
    answers: { 200: json(BookingOnly) },
    problems: [409, 410],
  },
  list('/api/admin/system-status', 'Each dependency with its detail and latency.', SystemStatus),
  {
    method: 'get',
    path: '/api/admin/closing-days',
    summary: 'Closing days and the public holidays per federal state.',
    query: ClosingDayQuerySchema,
    answers: { 200: json(ClosingDayList) },
  },
  {
    method: 'post',
    path: '/api/admin/closing-days',
    summary: 'Close the agency (or one site) on a day; bookings on it are flagged.',
    body: ClosingDayBodySchema,
    answers: { 201: json(ClosingDayCreated, 'Created') },
    problems: [409],
  },
  {
    method: 'delete',
    path: '/api/admin/closing-days/{id}',
    summary: 'Reopen a closing day.',
    params: id,
    answers: { 200: json(StatusDeleted) },
  },
]);

/**
 * The life of a request in the inbox: new → contacted → invited to a meeting (dated) → came to a
 * meeting / started, or
 * not reached (each attempt dated) / declined / wrong number. Pure functions: no database.
 */
import { z } from 'astro/zod';

export const requestStatuses = ['new', 'contacted', 'invited', 'came', 'started', 'not_reached', 'declined', 'wrong_number'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const RequestStatusSchema = z.enum(requestStatuses);

/** Statuses a staff member may set by hand (not_reached comes from recording an attempt, invited from inviting her to a meeting). */
export const settableStatuses: readonly RequestStatus[] = ['contacted', 'came', 'started', 'declined', 'wrong_number'];

/** Statuses that end a request: nobody needs to call her again. */
export const closingStatuses: readonly RequestStatus[] = ['came', 'started', 'declined', 'wrong_number'];

/** After this many attempts without reaching her, the inbox suggests closing the request. */
export const attemptsBeforeClosing = 3;

/** Most characters in a staff note. */
export const noteMaxLength = 500;

/** True when someone still has to reach her: new, or tried and not reached, and not closed. */
export function isWaiting(request: { status: RequestStatus; closedAt: string | null }): boolean {
  return request.closedAt === null && (request.status === 'new' || request.status === 'not_reached');
}

/** True when the inbox should offer to close the request (3 attempts and still not reached). */
export function suggestsClosing(request: { status: RequestStatus; closedAt: string | null; attempts: readonly string[] }): boolean {
  return request.closedAt === null && request.status === 'not_reached' && request.attempts.length >= attemptsBeforeClosing;
}

/** Whole hours and days since `createdAt`, for "5 timer" / "2 dage". */
export function ageOf(createdAt: string, now: Date): { unit: 'hours' | 'days'; count: number } {
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / 3_600_000));
  return hours < 24 ? { unit: 'hours', count: hours } : { unit: 'days', count: Math.floor(hours / 24) };
}

/** The day the automatic purge deletes the request (created + retention days). */
export function deletionDate(createdAt: string, retentionDays: number): Date {
  return new Date(Date.parse(createdAt) + retentionDays * 86_400_000);
}

/**
 * Working days (Monday–Friday, in Copenhagen) that have fully passed between `from` and `now`.
 * Used for the reminder: a request untouched for more working days than we promise her.
 */
export function workingDaysBetween(from: Date, now: Date): number {
  const dayOf = (d: Date) => {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(d)
      .split('-')
      .map(Number);
    return Date.UTC(parts[0]!, parts[1]! - 1, parts[2]!);
  };
  let count = 0;
  for (let day = dayOf(from) + 86_400_000; day <= dayOf(now); day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/** A note as stored: trimmed, NFC, at most 500 characters; longer is refused, not cut. */
export function cleanNote(raw: string): { ok: true; note: string } | { ok: false } {
  const note = raw.normalize('NFC').trim();
  return [...note].length > noteMaxLength ? { ok: false } : { ok: true, note };
}

/**
 * What the store keeps about her, column by column, for the privacy page ("What do we keep?").
 * Every table the migrations make is named here, as hers or not; every column of her tables is
 * described. tests/unit/store/storedFields.test.ts reads a freshly migrated file, so a new
 * column fails the test until the privacy page says what it holds.
 */

/** One line of the privacy page's list; its words are the UI string `privacy.stored.<item>`. */
export const storedItems = [
  'name',
  'language',
  'contact',
  'activities',
  'heard',
  'channel',
  'consent',
  'written',
  'handling',
  'note',
  'referral',
] as const;
export type StoredItem = (typeof storedItems)[number];

/** The tables that hold data about her (her request, what staff did with it), each column with the line that names it. */
export const storedFields: Record<string, Record<string, StoredItem>> = {
  interest: {
    id: 'written',
    created_at: 'written',
    first_name: 'name',
    phone: 'name',
    language: 'language',
    interpreter: 'language',
    contact_method: 'contact',
    best_time: 'contact',
    activities: 'activities',
    heard_via: 'heard',
    channel: 'channel',
    consent_version: 'consent',
    consent_language: 'consent',
    kind: 'handling',
    status: 'handling',
    status_at: 'handling',
    closed_at: 'handling',
    touched_at: 'handling',
    assigned_to: 'handling',
    funnel_stage: 'handling',
    invited_meeting: 'handling',
    invited_for: 'handling',
    note: 'note',
    referral: 'referral',
  },
  // Each time staff tried to reach her and could not.
  request_attempts: { id: 'handling', request_id: 'handling', at: 'handling', staff_id: 'handling' },
  // Who did what to which request, when: an id, never her name or number.
  // target_staff_id names the staff member an access change concerns (never her); it sits in the same audit rows.
  audit: { id: 'handling', at: 'handling', staff_id: 'handling', action: 'handling', request_id: 'handling', target_staff_id: 'handling' },
};

/** Tables with nothing about her, and why. */
export const tablesWithoutHerData: Record<string, string> = {
  staff: "staff members' own accounts",
  invites: 'sign-up links for staff (a hash)',
  passkeys: "staff members' passkeys",
  sessions: 'staff sign-ins (a hash)',
  monthly_counts: 'counts per month, no person behind them',
  monthly_referrals: 'referrals per partner per month, counts only',
  monthly_funnel: 'how many came how far per month, counts only',
  link_visits: 'visits per short link per day, counts only',
  server_state: "the server's own bookkeeping",
  meeting_invitations: 'invited and came per meeting, counts only',
};

/** The privacy page's lines, in the order of `storedItems`, each once. */
export function storedItemsInUse(): StoredItem[] {
  const used = new Set(Object.values(storedFields).flatMap((columns) => Object.values(columns)));
  return storedItems.filter((item) => used.has(item));
}

/**
 * Versioned migrations of the ONE SQLite file (data/interest.sqlite), in ONE ordered list, each
 * named for the feature it serves. openStore() (./openStore.ts) runs them when it opens the file
 * (at the server's start, and in each CLI), in order, each in a transaction; PRAGMA user_version
 * holds how many have run. A file made before migrations existed (the interest table alone,
 * user_version 0) upgrades without loss: version 1 is exactly that table, written so it leaves an
 * existing one untouched. A file with a higher version than the last here was written by a newer
 * release, and is refused rather than used with a schema this code does not know.
 * Never edit a migration that has shipped: add the next one.
 */
import type { DatabaseSync } from 'node:sqlite';

export interface Migration {
  /** 1, 2, 3 …: the user_version the file has after this migration. */
  version: number;
  /** What it does, for the staff CLI and the log. */
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'interest: registrations (the schema of the first release)',
    sql: `
CREATE TABLE IF NOT EXISTS interest (
  id               INTEGER PRIMARY KEY,
  created_at       TEXT    NOT NULL,
  first_name       TEXT    NOT NULL,
  phone            TEXT    NOT NULL,
  language         TEXT    NOT NULL,
  contact_method   TEXT    NOT NULL,
  best_time        TEXT    NOT NULL,
  activities       TEXT    NOT NULL,
  interpreter      INTEGER NOT NULL,
  consent_version  TEXT    NOT NULL,
  consent_language TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS interest_created_at ON interest (created_at);
CREATE INDEX IF NOT EXISTS interest_phone ON interest (phone);`,
  },
  {
    version: 2,
    name: 'inbox: request status, attempts, staff, invites, passkeys, sessions, audit log, monthly counts, server state',
    sql: `
-- The interest table becomes the table of requests: a request from the form (kind 'interest') or
-- a partner's referral (kind 'referral'). It is rebuilt with AUTOINCREMENT so that an id is never
-- given again after a deletion (the audit log names requests by id). Old rows become new,
-- untouched form requests.
CREATE TABLE interest_v2 (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at       TEXT    NOT NULL,  -- ISO 8601, UTC
  first_name       TEXT    NOT NULL,
  phone            TEXT    NOT NULL,
  language         TEXT    NOT NULL,
  contact_method   TEXT    NOT NULL,
  best_time        TEXT    NOT NULL,
  activities       TEXT    NOT NULL,  -- JSON array of activity slugs
  interpreter      INTEGER NOT NULL,
  consent_version  TEXT    NOT NULL,
  consent_language TEXT    NOT NULL,
  kind             TEXT    NOT NULL DEFAULT 'interest',
  status           TEXT    NOT NULL DEFAULT 'new',
  status_at        TEXT,
  closed_at        TEXT,
  touched_at       TEXT,              -- the first time staff did anything with it
  assigned_to      INTEGER,           -- staff.id ("I take it")
  note             TEXT    NOT NULL DEFAULT '',
  channel          TEXT,              -- recruitment channel code (/r/<code>)
  heard_via        TEXT,              -- her answer to "how did you hear about us?"
  referral         TEXT               -- a referral's referrer and consent record, as JSON
);
INSERT INTO interest_v2
  (id, created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language)
  SELECT id, created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language
  FROM interest;
DROP TABLE interest;
ALTER TABLE interest_v2 RENAME TO interest;
CREATE INDEX interest_created_at ON interest (created_at);
CREATE INDEX interest_phone ON interest (phone);
CREATE INDEX interest_open ON interest (closed_at, status, created_at);
-- The inbox's order (open first, then waiting longest first): a page of 50 reads 50 rows, not all.
CREATE INDEX interest_list ON interest ((closed_at IS NULL) DESC, created_at, id);

-- Each time staff tried to reach her and could not.
CREATE TABLE request_attempts (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL,
  at         TEXT    NOT NULL,
  staff_id   INTEGER
);
CREATE INDEX request_attempts_request ON request_attempts (request_id);

CREATE TABLE staff (
  id               INTEGER PRIMARY KEY,
  name             TEXT    NOT NULL,
  email            TEXT,
  coordinator      INTEGER NOT NULL DEFAULT 0,
  notices          INTEGER NOT NULL DEFAULT 1,
  lang             TEXT    NOT NULL DEFAULT 'da',
  webauthn_user_id TEXT    NOT NULL,
  created_at       TEXT    NOT NULL,
  revoked_at       TEXT
);

-- One-time invite links: only the SHA-256 of the token is stored.
CREATE TABLE invites (
  token_hash TEXT PRIMARY KEY,
  staff_id   INTEGER NOT NULL,
  created_at TEXT    NOT NULL,
  expires_at TEXT    NOT NULL,
  used_at    TEXT
);

CREATE TABLE passkeys (
  id           TEXT    PRIMARY KEY,
  staff_id     INTEGER NOT NULL,
  public_key   BLOB    NOT NULL,
  counter      INTEGER NOT NULL,
  transports   TEXT    NOT NULL,
  created_at   TEXT    NOT NULL,
  last_used_at TEXT
);
CREATE INDEX passkeys_staff ON passkeys (staff_id);

-- Sessions: only the SHA-256 of the cookie's id is stored.
CREATE TABLE sessions (
  id_hash    TEXT    PRIMARY KEY,
  staff_id   INTEGER NOT NULL,
  created_at TEXT    NOT NULL,
  seen_at    TEXT    NOT NULL
);

-- Who did what, when, to which request id. Never a name or a number of hers.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT    NOT NULL,
  staff_id   INTEGER,
  action     TEXT    NOT NULL,
  request_id INTEGER
);
CREATE INDEX audit_at ON audit (at);

-- Counts per month that outlive the personal rows (issue 13 fills them); nothing links to a person.
CREATE TABLE monthly_counts (
  month     TEXT    NOT NULL,
  kind      TEXT    NOT NULL,
  channel   TEXT    NOT NULL DEFAULT '',
  heard_via TEXT    NOT NULL DEFAULT '',
  language  TEXT    NOT NULL DEFAULT '',
  count     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, kind, channel, heard_via, language)
);

-- Small facts the server keeps between restarts (the last request a notice was sent for).
CREATE TABLE server_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);`,
  },
  {
    version: 3,
    name: 'channels: short-link visits per day, referrals per partner and the funnel per month (issue 13)',
    sql: `
CREATE TABLE link_visits (
  day   TEXT    NOT NULL,
  code  TEXT    NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, code)
);
CREATE TABLE monthly_referrals (
  month        TEXT    NOT NULL,
  organisation TEXT    NOT NULL,
  count        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, organisation)
);
CREATE TABLE monthly_funnel (
  month TEXT    NOT NULL,
  stage TEXT    NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, stage)
);
-- How far each request has come in the funnel (0 new … 3 started), so a stage counts once.
ALTER TABLE interest ADD COLUMN funnel_stage INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 4,
    name: 'inbox: staff roles, the last passkey check of a session, whom an audit row concerns, failure bursts (issue 24)',
    sql: `
-- A role instead of the coordinator flag: 'staff' answer requests, 'coordinator' also manage
-- staff, export, delete and read the audit log.
ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'coordinator'));
UPDATE staff SET role = 'coordinator' WHERE coordinator = 1;
ALTER TABLE staff DROP COLUMN coordinator;
-- When her owner was last mailed about a burst of failed attempts (once per burst).
ALTER TABLE staff ADD COLUMN failures_noticed_at TEXT;
-- The last passkey check of a session (sign-in or "confirm with your passkey"): adding a passkey
-- needs one within minutes. Sessions from before have none, so they must confirm first.
ALTER TABLE sessions ADD COLUMN verified_at TEXT;
-- The passkey the session signed in with, so she can tell her passkeys apart.
ALTER TABLE sessions ADD COLUMN passkey_id TEXT;
-- Whom a row concerns (the person whose role changed, whose sign-in failed …); staff_id stays who acted.
ALTER TABLE audit ADD COLUMN target_staff_id INTEGER;
CREATE INDEX audit_target ON audit (target_staff_id, at);
CREATE INDEX invites_staff ON invites (staff_id);`,
  },
  {
    version: 5,
    name: 'meetings: a request invited to an information meeting, and per meeting how many were invited and came (issue 25)',
    sql: `
-- The meeting staff invited her to (content/meetings/<id>.yaml) and when it starts.
ALTER TABLE interest ADD COLUMN invited_meeting TEXT;
ALTER TABLE interest ADD COLUMN invited_for TEXT;  -- the meeting's start, ISO 8601
-- Per meeting: how many were invited, and how many of them came. Nothing links to a person, so
-- the counts outlive the deletion of the requests.
CREATE TABLE meeting_invitations (
  meeting   TEXT    PRIMARY KEY,
  starts_at TEXT    NOT NULL,
  invited   INTEGER NOT NULL DEFAULT 0,
  came      INTEGER NOT NULL DEFAULT 0
);`,
  },
];

/** The version a fully migrated file has. */
export const latestVersion = migrations.at(-1)!.version;

/** A database file written by a newer release than this code: opening it is refused. */
export class NewerSchemaError extends Error {
  /** The file's schema version (PRAGMA user_version). */
  readonly fileVersion: number;
  /** The newest schema version this code knows. */
  readonly knownVersion: number;

  constructor(fileVersion: number, knownVersion: number) {
    super(
      `The database has schema version ${fileVersion}, but this code knows versions up to ${knownVersion}: ` +
        `a newer release wrote it. Run that release (or restore a backup this release made); the file was not changed.`,
    );
    this.name = 'NewerSchemaError';
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

const userVersion = (db: DatabaseSync) => Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);

/**
 * Runs every migration the file has not had yet; returns the versions it ran. Throws
 * NewerSchemaError, changing nothing, when the file is newer than the last migration in `list`.
 */
export function migrate(db: DatabaseSync, list: readonly Migration[] = migrations): number[] {
  const current = userVersion(db);
  const known = Math.max(0, ...list.map((m) => m.version));
  if (current > known) throw new NewerSchemaError(current, known);
  const ran: number[] = [];
  for (const migration of list) {
    if (migration.version <= current) continue;
    // BEGIN IMMEDIATE: two processes starting at once cannot both run the same migration.
    db.exec('BEGIN IMMEDIATE');
    try {
      const now = userVersion(db);
      if (now < migration.version) {
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${Number(migration.version)}`);
        ran.push(migration.version);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return ran;
}

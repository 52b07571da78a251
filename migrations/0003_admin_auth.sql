-- The console's users, sessions and API tokens (issue 6 §8-9). Forward-only; Mongrel2 itself never reads these
-- tables. Secrets are never stored as given: passwords as scrypt hashes with their parameters, session ids and
-- API tokens as SHA-256 hex digests. Times are milliseconds since the Unix epoch (UTC). The console opens the
-- database with foreign_keys off (as Mongrel2 does), so deleting a user deletes its sessions and tokens in code.

CREATE TABLE IF NOT EXISTS admin_user (id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS admin_session (id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES admin_user (id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL);

CREATE INDEX IF NOT EXISTS admin_session_user ON admin_session (user_id);

CREATE TABLE IF NOT EXISTS admin_token (id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES admin_user (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    last_used_at INTEGER);

CREATE INDEX IF NOT EXISTS admin_token_user ON admin_token (user_id);
